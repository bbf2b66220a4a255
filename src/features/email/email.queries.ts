import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Database, EmailOutboxTable } from "../../db/database.js";
import type { EmailTemplate } from "../../domain/email.js";
import { EMAIL_BODY_RETENTION_DAYS } from "../../domain/retention.js";

export type EmailRow = Selectable<EmailOutboxTable>;

export type NewEmail = { kind: string; recipient: string } & (
  | { template: EmailTemplate }
  | { subject: string; bodyText: string }
);

/** Error texts come from remote servers: keep the stored copy bounded. */
const MAX_ERROR_LENGTH = 1000;

export async function insertEmail(db: Kysely<Database>, email: NewEmail): Promise<string> {
  const { id } = await db
    .insertInto("email_outbox")
    .values(
      "template" in email
        ? {
            kind: email.kind,
            recipient: email.recipient,
            subject: "",
            body_text: "",
            template: JSON.stringify(email.template),
          }
        : { kind: email.kind, recipient: email.recipient, subject: email.subject, body_text: email.bodyText },
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function countRecentEmails(
  db: Kysely<Database>,
  { recipient, kind, since }: { recipient: string; kind: string; since: Date },
): Promise<number> {
  const { count } = await db
    .selectFrom("email_outbox")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("recipient", "=", recipient)
    .where("kind", "=", kind)
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Locks up to `limit` due emails for the rest of the transaction. SKIP LOCKED makes
 * another instance's batch pass over rows already claimed here instead of sending them too.
 */
export function claimDueEmails(trx: Transaction<Database>, limit: number): Promise<EmailRow[]> {
  return trx
    .selectFrom("email_outbox")
    .selectAll()
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .where("next_attempt_at", "<=", sql<Date>`now()`)
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Sent: the text as it went out is kept with the row (until the weekly purge). */
export async function markEmailSent(
  db: Kysely<Database>,
  id: string,
  content: { subject: string; text: string },
): Promise<void> {
  await db
    .updateTable("email_outbox")
    .set((eb) => ({
      sent_at: sql`now()`,
      attempts: eb("attempts", "+", 1),
      last_error: null,
      subject: content.subject,
      body_text: content.text,
    }))
    .where("id", "=", id)
    .execute();
}

/** `nextAttemptAt` null means give up: the email is marked failed and never claimed again. */
export async function recordFailedAttempt(
  db: Kysely<Database>,
  id: string,
  error: string,
  nextAttemptAt: Date | null,
): Promise<void> {
  await db
    .updateTable("email_outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, MAX_ERROR_LENGTH),
      ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : { failed_at: sql`now()` }),
    }))
    .where("id", "=", id)
    .execute();
}

export function listRecentEmails(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom("email_outbox")
    .select([
      "id",
      "kind",
      "recipient",
      "subject",
      "body_text",
      "template",
      "created_at",
      "attempts",
      "sent_at",
      "failed_at",
    ])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export function findEmailById(db: Kysely<Database>, id: string): Promise<EmailRow | undefined> {
  return db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Sent emails hold single-use links: once they are EMAIL_BODY_RETENTION_DAYS old, their bodies are blanked. */
export async function purgeOldEmailBodies(
  db: Kysely<Database>,
  olderThanDays = EMAIL_BODY_RETENTION_DAYS,
): Promise<number> {
  const result = await db
    .updateTable("email_outbox")
    .set({ body_text: "", template: null })
    .where("sent_at", "<", sql<Date>`now() - make_interval(days => ${olderThanDays})`)
    .where((eb) => eb.or([eb("body_text", "<>", ""), eb("template", "is not", null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
