import { type EmailContent, renderEmail } from "../../../views/email/templates.js";
import type { EmailRow } from "./email.queries.js";

/**
 * The words of a queued email: written from its template when it has one (the delivery and
 * the dev mailbox both read it here), else the text it was queued with.
 */
export function emailContent(row: Pick<EmailRow, "template" | "subject" | "body_text">): EmailContent {
  if (row.template) return renderEmail(row.template);
  return { subject: row.subject, text: row.body_text };
}
