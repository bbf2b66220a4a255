import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import type { NotificationFrequency } from "../../domain/debate.js";
import { mandateIsCurrent } from "../../mandates/mandates.queries.js";

export type Reason = "reply" | "mention" | "followed";

export interface Recipient {
  userId: string;
  email: string;
  frequency: NotificationFrequency;
  reason: Reason;
}

function withFrequency(db: Kysely<Database>) {
  return db
    .selectFrom("app_user as u")
    .leftJoin("notification_setting as n", "n.user_id", "u.id")
    .select([
      "u.id as userId",
      "u.email",
      sql<NotificationFrequency>`coalesce(n.frequency, 'immediate')`.as("frequency"),
    ])
    .where("u.status", "=", "active");
}

/** Everyone a new comment concerns, each once, the strongest reason first (reply > mention > followed). */
export async function findRecipients(db: Kysely<Database>, commentId: string, authorId: string): Promise<Recipient[]> {
  const [replies, mentions, followers] = await Promise.all([
    withFrequency(db)
      .innerJoin("comment as target", "target.author_id", "u.id")
      .innerJoin("comment as c", "c.reply_to_id", "target.id")
      .where("c.id", "=", commentId)
      .execute(),
    withFrequency(db)
      .innerJoin("mandate as m", "m.user_id", "u.id")
      .innerJoin("comment_mention as cm", "cm.organisation_id", "m.organisation_id")
      .where("cm.comment_id", "=", commentId)
      .where(mandateIsCurrent("m"))
      .execute(),
    withFrequency(db)
      .innerJoin("proposal_follow as f", "f.user_id", "u.id")
      .innerJoin("comment as c", "c.proposal_id", "f.proposal_id")
      .where("c.id", "=", commentId)
      .execute(),
  ]);
  const byUser = new Map<string, Recipient>();
  for (const [rows, reason] of [
    [replies, "reply"],
    [mentions, "mention"],
    [followers, "followed"],
  ] as const) {
    for (const row of rows)
      if (row.userId !== authorId && !byUser.has(row.userId)) byUser.set(row.userId, { ...row, reason });
  }
  return [...byUser.values()];
}

export async function insertPendingNotification(
  trx: Transaction<Database>,
  row: { userId: string; commentId: string; reason: Reason; sent: boolean },
) {
  await trx
    .insertInto("pending_notification")
    .values({
      user_id: row.userId,
      comment_id: row.commentId,
      reason: row.reason,
      sent_at: row.sent ? sql<Date>`now()` : null,
    })
    .onConflict((oc) => oc.constraint("pending_notification_once").doNothing())
    .execute();
}

export function findCommentForEmail(db: Kysely<Database>, commentId: string) {
  return (
    db
      .selectFrom("comment as c")
      .innerJoin("proposal as p", "p.id", "c.proposal_id")
      .innerJoin("organisation as o", "o.id", "c.organisation_id")
      .innerJoin("app_user as u", "u.id", "c.author_id")
      .select(["c.id", "p.number", "p.title", "o.name as organisationName", "u.display_name as authorName"])
      // A body hidden by moderation is never sent out either.
      .select(sql<string>`case when c.hidden_at is null then c.body else '' end`.as("body"))
      .where("c.id", "=", commentId)
      .executeTakeFirstOrThrow()
  );
}

/** Due digest lines, locked so two instances never send the same digest. */
export async function claimDigestNotifications(trx: Transaction<Database>, recipients: number) {
  // The recipient's setting row is the lock: whoever holds it sends all of that person's lines,
  // so a digest is never split between two batches or two instances.
  const claimed = await trx
    .selectFrom("notification_setting as n")
    .innerJoin("app_user as u", "u.id", "n.user_id")
    .select("n.user_id")
    .where("n.frequency", "=", "daily")
    .where("u.status", "=", "active")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("pending_notification as pn")
          .select("pn.id")
          .whereRef("pn.user_id", "=", "n.user_id")
          .where("pn.sent_at", "is", null),
      ),
    )
    .orderBy("n.user_id")
    .limit(recipients)
    .forUpdate("n")
    .skipLocked()
    .execute();
  if (claimed.length === 0) return [];
  return trx
    .selectFrom("pending_notification as pn")
    .innerJoin("app_user as u", "u.id", "pn.user_id")
    .select(["pn.id", "pn.user_id as userId", "u.email", "pn.comment_id as commentId", "pn.reason"])
    .where(
      "pn.user_id",
      "in",
      claimed.map((row) => row.user_id),
    )
    .where("pn.sent_at", "is", null)
    .orderBy("pn.user_id")
    .orderBy("pn.id")
    .execute();
}

export async function markNotificationsSent(trx: Transaction<Database>, ids: string[]) {
  if (ids.length === 0) return;
  await trx.updateTable("pending_notification").set({ sent_at: sql`now()` }).where("id", "in", ids).execute();
}

export async function setFrequency(db: Kysely<Database>, userId: string, frequency: NotificationFrequency) {
  await db
    .insertInto("notification_setting")
    .values({ user_id: userId, frequency })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ frequency, updated_at: sql`now()` }))
    .execute();
}

export async function findFrequency(db: Kysely<Database>, userId: string): Promise<NotificationFrequency> {
  const row = await db
    .selectFrom("notification_setting")
    .select("frequency")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.frequency ?? "immediate";
}

export async function isFollowing(db: Kysely<Database>, userId: string, proposalId: string): Promise<boolean> {
  const row = await db
    .selectFrom("proposal_follow")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("proposal_id", "=", proposalId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setFollowing(db: Kysely<Database>, userId: string, proposalId: string, follow: boolean) {
  if (follow) {
    await db
      .insertInto("proposal_follow")
      .values({ user_id: userId, proposal_id: proposalId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db
      .deleteFrom("proposal_follow")
      .where("user_id", "=", userId)
      .where("proposal_id", "=", proposalId)
      .execute();
  }
}

/** The signing key named `name`, created on first use (32 random bytes; concurrent creators agree on one). */
export async function signingKey(db: Kysely<Database>, name: string): Promise<Uint8Array> {
  await db
    .insertInto("signing_key")
    .values({ name, key: crypto.getRandomValues(new Uint8Array(32)) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db.selectFrom("signing_key").select("key").where("name", "=", name).executeTakeFirstOrThrow();
  return row.key;
}
