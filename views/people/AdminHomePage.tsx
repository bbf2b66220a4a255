import { ballotsText } from "../ballots/ballots.text.js";
import { peopleText as t } from "./people.text.js";

export function AdminHomePage({ isAdmin }: { isAdmin: boolean }) {
  return (
    <>
      <h1>{t.adminTitle}</h1>
      <p class="lead">{t.adminLead}</p>
      {isAdmin ? (
        <ul>
          <li>
            <a href="/admin/organisations">{t.links.organisations}</a>
          </li>
          <li>
            <a href="/admin/personnes">{t.links.people}</a>
          </li>
          <li>
            <a href="/admin/invitations/nouvelle">{t.links.invite}</a>
          </li>
          <li>
            <a href="/admin/journal">{t.links.journal}</a>
          </li>
          <li>
            <a href="/admin/votes">{ballotsText.admin.title}</a>
          </li>
        </ul>
      ) : (
        <p>
          <a href="/moderation">File de modération</a>
        </p>
      )}
    </>
  );
}
