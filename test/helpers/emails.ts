import { emailContent } from "../../src/features/email/email.content.js";
import type { EmailRow } from "../../src/features/email/email.queries.js";

/**
 * A queued email as it will go out: its subject and body written from its template, as the
 * delivery writes them when it sends (tests read emails before any delivery has run).
 */
export function asWritten<Row extends Pick<EmailRow, "template" | "subject" | "body_text">>(row: Row): Row {
  const { subject, text } = emailContent(row);
  return { ...row, subject, body_text: text };
}
