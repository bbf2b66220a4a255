import type { Role } from "../../src/domain/people.js";
import { formatDateTime } from "../common/format.js";
import { Flash } from "../components/Form.js";
import { TableScroll } from "../components/TableScroll.js";
import { peopleText as t } from "./people.text.js";

export interface PersonRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: "active" | "suspended";
  totpEnabled: boolean;
  mandateId: string | null;
  organisationName: string | null;
}

export interface PendingInvitationRow {
  id: string;
  email: string;
  role: Role;
  organisationName: string | null;
  expiresAt: Date;
}

/** A refused reason form: its action URL, what was typed, and the error shown beside the field. */
export interface ReasonFailure {
  action: string;
  value: string;
  error: string;
}

export function PeoplePage({
  people,
  invitations,
  message,
  failure,
}: {
  people: PersonRow[];
  invitations: PendingInvitationRow[];
  message?: string | undefined;
  failure?: ReasonFailure | undefined;
}) {
  return (
    <>
      <h1>{t.people.title}</h1>
      {message ? <Flash kind="success">{message}</Flash> : null}
      {failure ? <Flash kind="error">{t.people.formError}</Flash> : null}
      <p>
        <a class="button" href="/admin/invitations/nouvelle">
          {t.links.invite}
        </a>
      </p>
      <TableScroll labelledBy="personnes-liste">
        <table class="data-table">
          <caption id="personnes-liste">{t.people.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.people.name}</th>
              <th scope="col">{t.people.role}</th>
              <th scope="col">{t.people.organisation}</th>
              <th scope="col">{t.people.status}</th>
              <th scope="col">{t.people.actions}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <PersonLine person={person} failure={failure} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <PendingInvitations invitations={invitations} />
    </>
  );
}

interface ReasonFormProps {
  action: string;
  label: string;
  button: string;
  failure?: ReasonFailure | undefined;
}

function ReasonForm({ action, label, button, failure }: ReasonFormProps) {
  const id = `motif-${action.replaceAll(/[^a-z0-9]/g, "-")}`;
  const refused = failure?.action === action ? failure : undefined;
  return (
    <form method="post" action={action} class="actions">
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        name="motif"
        required
        maxLength={500}
        placeholder="Motif"
        value={refused?.value ?? ""}
        aria-invalid={refused ? "true" : undefined}
        aria-describedby={refused ? `${id}-erreur` : undefined}
        // The refused field sits deep in a long table: the page opens on it, not at the top.
        autofocus={refused ? true : undefined}
      />
      <button type="submit" class="button--secondary">
        {button}
      </button>
      {refused ? (
        <p class="field-error" id={`${id}-erreur`}>
          {refused.error}
        </p>
      ) : null}
    </form>
  );
}

function PersonLine({ person, failure }: { person: PersonRow; failure?: ReasonFailure | undefined }) {
  return (
    <tr>
      <th scope="row">
        {person.displayName}
        <br />
        <span class="muted">{person.email}</span>
      </th>
      <td>
        {t.roles[person.role]}
        {person.totpEnabled ? ` · ${t.people.twoFactor}` : ""}
      </td>
      <td>{person.organisationName ?? t.people.none}</td>
      <td>{person.status === "active" ? t.people.active : t.people.suspended}</td>
      <td>
        {person.status === "active" ? (
          <ReasonForm
            action={`/admin/personnes/${person.id}/suspendre`}
            label={t.people.reasonFor(t.people.suspend, person.displayName)}
            button={t.people.suspend}
            failure={failure}
          />
        ) : (
          <form method="post" action={`/admin/personnes/${person.id}/reintegrer`}>
            <button type="submit" class="button--secondary">
              {t.people.reinstate}
            </button>
          </form>
        )}
        {person.mandateId ? (
          <ReasonForm
            action={`/admin/mandats/${person.mandateId}/terminer`}
            label={t.people.reasonFor(t.people.endMandate, person.displayName)}
            button={t.people.endMandate}
            failure={failure}
          />
        ) : null}
      </td>
    </tr>
  );
}

function PendingInvitations({ invitations }: { invitations: PendingInvitationRow[] }) {
  return (
    <section>
      <h2>{t.people.pending}</h2>
      {invitations.length === 0 ? (
        <p>{t.people.noPending}</p>
      ) : (
        <TableScroll labelledBy="invitations-tableau">
          <table class="data-table">
            <caption id="invitations-tableau" class="visually-hidden">
              {t.people.pending}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.people.email}</th>
                <th scope="col">{t.people.role}</th>
                <th scope="col">{t.people.organisation}</th>
                <th scope="col">{t.people.expires}</th>
                <th scope="col">{t.people.actions}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr>
                  <th scope="row">{invitation.email}</th>
                  <td>{t.roles[invitation.role]}</td>
                  <td>{invitation.organisationName ?? t.people.none}</td>
                  <td>{formatDateTime(invitation.expiresAt)}</td>
                  <td class="actions">
                    <form method="post" action={`/admin/invitations/${invitation.id}/renvoyer`}>
                      <button type="submit" class="button--secondary">
                        {t.people.resend}
                        <span class="visually-hidden"> ({invitation.email})</span>
                      </button>
                    </form>
                    <form method="post" action={`/admin/invitations/${invitation.id}/revoquer`}>
                      <button type="submit" class="button--secondary">
                        {t.people.revoke}
                        <span class="visually-hidden"> ({invitation.email})</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
