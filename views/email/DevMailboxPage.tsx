import type { EmailStatus } from "../../src/domain/email.js";
import { formatDateTime } from "../common/format.js";
import { TableScroll } from "../components/TableScroll.js";
import { emailText } from "./email.text.js";

export interface MailboxEmailView {
  id: string;
  createdAt: Date;
  kind: string;
  recipient: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
}

export function DevMailboxPage({ emails }: { emails: MailboxEmailView[] }) {
  return (
    <>
      <h1>{emailText.mailboxTitle}</h1>
      <p class="lead">{emailText.mailboxLead}</p>
      {emails.length === 0 ? <p>{emailText.empty}</p> : <MailboxTable emails={emails} />}
    </>
  );
}

function MailboxTable({ emails }: { emails: MailboxEmailView[] }) {
  const columns = emailText.columns;
  return (
    <TableScroll labelledBy="courriels-liste">
      <table>
        <caption id="courriels-liste">{emailText.caption(emails.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.date}</th>
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.recipient}</th>
            <th scope="col">{columns.subject}</th>
            <th scope="col">{columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((email) => (
            <tr>
              <td>
                <time datetime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt)}</time>
              </td>
              <td>{email.kind}</td>
              <td>{email.recipient}</td>
              <td>
                <a href={`/dev/courriels/${email.id}`}>{email.subject || emailText.noSubject}</a>
              </td>
              <td>
                {emailText.status[email.status]}
                {email.status === "sent" ? null : ` (${emailText.attempts(email.attempts)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
