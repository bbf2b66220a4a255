import type { Role } from "../../src/domain/people.js";
import { formatDateTime } from "../common/format.js";
import { Flash, PostButton } from "../components/Form.js";
import { TableScroll } from "../components/TableScroll.js";
import { accountText as t } from "./account.text.js";

export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string;
  current: boolean;
}

export interface AccountPageProps {
  displayName: string;
  email: string;
  role: Role;
  organisationName: string | null;
  totpEnabled: boolean;
  sessions: SessionView[];
  message?: string | undefined;
}

export function AccountPage(props: AccountPageProps) {
  return (
    <>
      <h1>{t.title}</h1>
      {props.message ? <Flash kind="success">{props.message}</Flash> : null}
      <section aria-labelledby="identite">
        <h2 id="identite">{t.identity}</h2>
        <dl class="schedule">
          <dt>{t.name}</dt>
          <dd>{props.displayName}</dd>
          <dt>{t.email}</dt>
          <dd>{props.email}</dd>
          <dt>{t.role}</dt>
          <dd>{t.roles[props.role]}</dd>
          <dt>{t.mandate}</dt>
          <dd>{props.organisationName ? t.mandateFor(props.organisationName) : t.noMandate}</dd>
        </dl>
      </section>
      <section aria-labelledby="securite">
        <h2 id="securite">{t.security}</h2>
        <ul>
          <li>
            <a href="/compte/mot-de-passe">{t.changePassword}</a>
          </li>
          <li>
            {t.twoFactor} : {props.totpEnabled ? t.twoFactorOn : t.twoFactorOff} —{" "}
            <a href="/compte/double-authentification">{t.manageTwoFactor}</a>
          </li>
        </ul>
      </section>
      <SessionsTable sessions={props.sessions} />
    </>
  );
}

function SessionsTable({ sessions }: { sessions: SessionView[] }) {
  return (
    <section>
      <h2>{t.sessions}</h2>
      <p>{t.sessionsLead}</p>
      <TableScroll labelledBy="sessions-tableau">
        <table class="data-table">
          <caption id="sessions-tableau" class="visually-hidden">
            {t.sessions}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.sessionDevice}</th>
              <th scope="col">{t.sessionAddress}</th>
              <th scope="col">{t.sessionStarted}</th>
              <th scope="col">{t.sessionSeen}</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr>
                <td>
                  {session.userAgent.slice(0, 80) || "—"}
                  {session.current ? <strong> ({t.thisSession})</strong> : null}
                </td>
                <td>{session.ip || "—"}</td>
                <td>{formatDateTime(session.createdAt)}</td>
                <td>{formatDateTime(session.lastSeenAt)}</td>
                <td>
                  {session.current ? null : (
                    <PostButton action={`/compte/sessions/${session.id}/terminer`} label={t.endSession} secondary />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
