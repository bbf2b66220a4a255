import { Flash } from "../components/Form.js";
import { DemoBadge } from "../components/StatusBadge.js";
import { TableScroll } from "../components/TableScroll.js";
import { organisationsAdminText as t } from "./organisations-admin.text.js";

export interface AdminOrganisationItem {
  slug: string;
  name: string;
  kindLabel: string;
  collegeName: string;
  isDemo: boolean;
}

export interface OrganisationsAdminPageProps {
  organisations: AdminOrganisationItem[];
  message?: string | undefined;
}

export function OrganisationsAdminPage({ organisations, message }: OrganisationsAdminPageProps) {
  return (
    <>
      <h1>{t.list.title}</h1>
      {message ? <Flash kind="success">{message}</Flash> : null}
      <p class="lead">{t.list.lead(organisations.length)}</p>
      <p class="actions">
        <a class="button" href="/admin/organisations/nouvelle">
          {t.list.create}
        </a>
        <a class="button button--secondary" href="/admin/organisations/import">
          {t.list.import}
        </a>
      </p>
      {organisations.length === 0 ? <p>{t.list.empty}</p> : <OrganisationsTable organisations={organisations} />}
    </>
  );
}

function OrganisationsTable({ organisations }: { organisations: AdminOrganisationItem[] }) {
  return (
    <TableScroll labelledBy="organisations-liste">
      <table class="data-table">
        <caption id="organisations-liste">{t.list.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.list.name}</th>
            <th scope="col">{t.list.kind}</th>
            <th scope="col">{t.list.college}</th>
            <th scope="col">{t.list.demo}</th>
            <th scope="col">{t.list.actions}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((organisation) => (
            <tr>
              <th scope="row">
                <a href={`/organisations/${organisation.slug}`}>{organisation.name}</a>
              </th>
              <td>{organisation.kindLabel}</td>
              <td>{organisation.collegeName}</td>
              <td>{organisation.isDemo ? <DemoBadge /> : t.list.no}</td>
              <td>
                <a
                  href={`/admin/organisations/${organisation.slug}/modifier`}
                  aria-label={t.list.editLabel(organisation.name)}
                >
                  {t.list.edit}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
