import { formatDateTime } from "../common/format.js";
import { TableScroll } from "../components/TableScroll.js";
import { peopleText as t } from "./people.text.js";

export interface AdminActionRow {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  createdAt: Date;
  actorName: string | null;
}

export function AdminJournalPage({ actions }: { actions: AdminActionRow[] }) {
  return (
    <>
      <h1>{t.journal.title}</h1>
      <TableScroll labelledBy="journal-admin">
        <table class="data-table">
          <caption id="journal-admin" class="visually-hidden">
            {t.journal.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.journal.when}</th>
              <th scope="col">{t.journal.who}</th>
              <th scope="col">{t.journal.what}</th>
              <th scope="col">{t.journal.target}</th>
              <th scope="col">{t.journal.details}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr>
                <td>{formatDateTime(action.createdAt)}</td>
                <td>{action.actorName ?? t.journal.system}</td>
                <td>
                  <code>{action.action}</code>
                </td>
                <td>
                  {action.targetType} #{action.targetId}
                </td>
                <td>
                  <code>{JSON.stringify(action.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
