import { createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import type { NotificationLine } from "../../domain/email.js";
import { queueEmail } from "../email/index.js";
import {
  claimDigestNotifications,
  findCommentForEmail,
  findRecipients,
  insertPendingNotification,
  markNotificationsSent,
  type Reason,
  signingKey,
} from "./notifications.queries.js";

const KEY_NAME = "unsubscribe";
const EXCERPT_LENGTH = 400;

/**
 * In the comment's transaction: an email now for people who chose "immediately",
 * a line for tomorrow's digest for the others, nothing for those who unsubscribed.
 */
export async function queueCommentNotifications(
  trx: Transaction<Database>,
  { commentId, authorId, origin }: { commentId: string; authorId: string; origin: string },
): Promise<void> {
  const recipients = (await findRecipients(trx, commentId, authorId)).filter((r) => r.frequency !== "off");
  if (recipients.length === 0) return;
  const comment = await findCommentForEmail(trx, commentId);
  for (const recipient of recipients) {
    const immediate = recipient.frequency === "immediate";
    await insertPendingNotification(trx, { ...recipient, commentId, sent: immediate });
    if (!immediate) continue;
    await queueEmail(trx, {
      kind: "comment_notification",
      to: recipient.email,
      template: {
        name: "comment_notification",
        params: {
          ...lineOf(recipient.reason, comment, origin),
          excerpt: excerpt(comment.body),
          unsubscribe: await unsubscribeLink(trx, origin, recipient.userId),
        },
      },
    });
  }
}

type EmailComment = Awaited<ReturnType<typeof findCommentForEmail>>;

function lineOf(reason: Reason, comment: EmailComment, origin: string): NotificationLine {
  return {
    reason,
    who: `${comment.authorName} — ${comment.organisationName}`,
    number: comment.number,
    title: comment.title,
    link: `${origin}/commentaires/${comment.id}#c-${comment.id}`,
  };
}

function excerpt(body: string): string {
  const text = body.trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

async function unsubscribeLink(db: Kysely<Database>, origin: string, userId: string): Promise<string> {
  return `${origin}/notifications/desabonnement?jeton=${await unsubscribeToken(db, userId)}`;
}

/** `<user id>.<HMAC-SHA256>`: a link that unsubscribes one person, without signing in, and cannot be forged. */
export async function unsubscribeToken(db: Kysely<Database>, userId: string): Promise<string> {
  const mac = createHmac("sha256", await signingKey(db, KEY_NAME))
    .update(`unsubscribe:${userId}`)
    .digest("base64url");
  return `${userId}.${mac}`;
}

/** The user id a token was made for, or null for anything forged or malformed. */
export async function verifyUnsubscribeToken(db: Kysely<Database>, token: string): Promise<string | null> {
  const match = /^(\d{1,18})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from((await unsubscribeToken(db, match[1] ?? "")).split(".")[1] ?? "");
  const given = Buffer.from(match[2] ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given) ? (match[1] ?? null) : null;
}

/** Recipients per transaction: each batch is short, and a run goes on until nobody is left. */
const DIGEST_BATCH = 100;

/** One email per person gathering their pending "daily" notifications; returns the number of emails queued. */
export async function sendDailyDigests(db: Kysely<Database>, origin: string, signal?: AbortSignal): Promise<number> {
  let queued = 0;
  for (;;) {
    const batch = await sendDigestBatch(db, origin);
    queued += batch;
    if (batch === 0 || signal?.aborted) return queued;
  }
}

async function sendDigestBatch(db: Kysely<Database>, origin: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await claimDigestNotifications(trx, DIGEST_BATCH);
    const byUser = new Map<string, typeof rows>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    for (const [userId, lines] of byUser) {
      const digest: NotificationLine[] = [];
      for (const line of lines)
        digest.push(lineOf(line.reason, await findCommentForEmail(trx, line.commentId), origin));
      await queueEmail(trx, {
        kind: "comment_digest",
        to: lines[0]?.email ?? "",
        template: {
          name: "comment_digest",
          params: { lines: digest, unsubscribe: await unsubscribeLink(trx, origin, userId) },
        },
      });
    }
    await markNotificationsSent(
      trx,
      rows.map((row) => row.id),
    );
    return byUser.size;
  });
}
