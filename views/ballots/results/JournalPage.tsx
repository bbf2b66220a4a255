import { formatDateTime } from "../../common/format.js";
import { TableScroll } from "../../components/TableScroll.js";
import { ballotsText as t } from "../ballots.text.js";
import { ExportLinks } from "./ResultsMatrixPage.js";

export interface JournalEntry {
  id: string;
  kind: string;
  hash: string;
  createdAt: Date;
  proposal: string | null;
  description: string;
}

/** The public audit journal: what happened and its hash; choices only appear in the results after closing. */
export function JournalPage({ head, entries }: { head: string; entries: JournalEntry[] }) {
  return (
    <article>
      <h1>{t.journal.title}</h1>
      <p class="lead">{t.journal.lead}</p>
      <p>
        {t.journal.head} : <code class="hash">{head}</code> — <a href="/verifier">{t.journal.verifyLink}</a>
      </p>
      <ExportLinks />
      <TableScroll labelledBy="journal-titre">
        <table class="data-table journal">
          <caption id="journal-titre">{t.journal.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.journal.number}</th>
              <th scope="col">{t.journal.when}</th>
              <th scope="col">{t.journal.event}</th>
              <th scope="col">{t.journal.hash}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr id={e.hash}>
                <td>{e.id}</td>
                <td>{formatDateTime(e.createdAt)}</td>
                <td>
                  {t.journal.kinds[e.kind] ?? e.kind}
                  {e.proposal ? ` — ${e.proposal}` : ""}
                  {e.description ? ` : ${e.description}` : ""}
                </td>
                <td>
                  <code class="hash">{e.hash}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </article>
  );
}
