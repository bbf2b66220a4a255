import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { EmailStatus, EmailTemplate } from "../../domain/email.js";
import { countRecentEmails, type EmailRow, insertEmail } from "./email.queries.js";

/**
 * An email to queue: its kind ("invitation", "ballot_receipt"…, for rate limits and the dev
 * mailbox), its recipient, and what it says — a template written when it is sent (what every
 * service queues), or a text already written (the outbox's own tests of delivery).
 */
export type QueuedEmail = { kind: string; to: string } & (
  | { template: EmailTemplate }
  | {
      subject: string;
      /** Plain text; may hold secret links, so it is never logged. */
      text: string;
    }
);

/** A caller bug (unvalidated input reached the outbox), never something to show as a form error. */
export class InvalidEmailError extends Error {
  override name = "InvalidEmailError";
}

export const MAX_EMAIL_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

// Any control character (CR/LF above all) in a header value could smuggle extra headers or recipients.
const CONTROL_CHARACTERS = /\p{Cc}/u;
const ADDRESS = /^[^@\s<>,;"]+@[^@\s<>,;"]+$/;
const KIND = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * Queues an email in the caller's transaction: it exists if and only if the
 * caller's action commits. The outbox job sends it afterwards.
 */
export async function queueEmail(db: Kysely<Database>, email: QueuedEmail): Promise<string> {
  const recipient = normaliseRecipient(email.to);
  if (!KIND.test(email.kind)) throw new InvalidEmailError(`Type de courriel invalide : ${email.kind}`);
  if ("template" in email) return insertEmail(db, { kind: email.kind, recipient, template: email.template });
  assertSubject(email.subject);
  return insertEmail(db, { kind: email.kind, recipient, subject: email.subject.trim(), bodyText: email.text });
}

/** A subject is one header line: a control character (CR/LF above all) could smuggle others. */
export function assertSubject(subject: string): void {
  if (CONTROL_CHARACTERS.test(subject)) {
    throw new InvalidEmailError("L'objet d'un courriel ne peut pas contenir de retour à la ligne.");
  }
}

export function normaliseRecipient(address: string): string {
  if (CONTROL_CHARACTERS.test(address)) {
    throw new InvalidEmailError("L'adresse d'un courriel ne peut pas contenir de retour à la ligne.");
  }
  const recipient = address.trim().toLowerCase();
  if (!ADDRESS.test(recipient) || recipient.length > 254) {
    throw new InvalidEmailError("Adresse de courriel invalide.");
  }
  return recipient;
}

/** For rate limits: "at most N emails of this kind to this address per hour". */
export function recentEmailCount(
  db: Kysely<Database>,
  { kind, to, windowMs = HOUR_MS }: { kind: string; to: string; windowMs?: number },
): Promise<number> {
  return countRecentEmails(db, {
    kind,
    recipient: normaliseRecipient(to),
    since: new Date(Date.now() - windowMs),
  });
}

/**
 * Delay before the next try after `attempts` failed tries: 30 s, 1 min, 2 min …
 * capped at 1 h; null once MAX_EMAIL_ATTEMPTS have failed (give up).
 */
export function backoffDelayMs(attempts: number): number | null {
  if (attempts >= MAX_EMAIL_ATTEMPTS) return null;
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export function emailStatus(row: Pick<EmailRow, "sent_at" | "failed_at">): EmailStatus {
  if (row.sent_at) return "sent";
  return row.failed_at ? "failed" : "pending";
}
