import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import type { Stance } from "../../domain/debate.js";

/** The live channel every instance LISTENs to. */

/** A proposal as the debate needs it: status and thread lock decide whether it accepts writes. */
function selectDiscussionProposal(db: Kysely<Database>) {
  return db
    .selectFrom("proposal")
    .select([
      "id",
      "slug",
      "number",
      "title",
      "status",
      "thread_locked_at as lockedAt",
      "thread_locked_reason as lockedReason",
    ]);
}

export function findDiscussionProposal(db: Kysely<Database>, slug: string) {
  return selectDiscussionProposal(db).where("slug", "=", slug).executeTakeFirst();
}

export function findDiscussionProposalById(db: Kysely<Database>, id: string) {
  return selectDiscussionProposal(db).where("id", "=", id).executeTakeFirst();
}

export type DiscussionProposal = NonNullable<Awaited<ReturnType<typeof findDiscussionProposal>>>;

/** Serialises one person's posts: the rate limit and the idempotency check see every earlier post. */
export async function lockAuthor(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.selectFrom("app_user").select("id").where("id", "=", userId).forUpdate().execute();
}

export function findCommentForWrite(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("comment")
    .select([
      "id",
      "proposal_id as proposalId",
      "parent_id as parentId",
      "root_id as rootId",
      "depth",
      "author_id as authorId",
      "organisation_id as organisationId",
      "body",
      "version",
      "deleted_at as deletedAt",
      "hidden_at as hiddenAt",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
}

export type CommentForWrite = NonNullable<Awaited<ReturnType<typeof findCommentForWrite>>>;

export function findByIdempotencyKey(db: Kysely<Database>, authorId: string, key: string) {
  return db
    .selectFrom("comment")
    .select(["id", "proposal_id as proposalId", "root_id as rootId"])
    .where("author_id", "=", authorId)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
}

/** Counted against the database clock, shared by every instance. */
export async function countRecentComments(db: Kysely<Database>, authorId: string, windowMs: number): Promise<number> {
  const { count } = await db
    .selectFrom("comment")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("author_id", "=", authorId)
    .where("created_at", ">=", sql<Date>`now() - make_interval(secs => ${windowMs / 1000})`)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export interface NewComment {
  proposalId: string;
  parentId: string | null;
  rootId: string | null;
  replyToId: string | null;
  depth: number;
  authorId: string;
  organisationId: string;
  mandateId: string;
  stance: Stance | null;
  body: string;
  idempotencyKey: string;
}

/** Returns undefined when the idempotency key was already used (a double submit). */
export async function insertComment(trx: Transaction<Database>, comment: NewComment): Promise<string | undefined> {
  const row = await trx
    .insertInto("comment")
    .values({
      proposal_id: comment.proposalId,
      parent_id: comment.parentId,
      root_id: comment.rootId,
      reply_to_id: comment.replyToId,
      depth: comment.depth,
      author_id: comment.authorId,
      organisation_id: comment.organisationId,
      mandate_id: comment.mandateId,
      stance: comment.stance,
      body: comment.body,
      idempotency_key: comment.idempotencyKey,
    })
    .onConflict((oc) => oc.constraint("comment_idempotency").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (row) {
    await trx
      .insertInto("comment_version")
      .values({ comment_id: row.id, version: 1, body: comment.body, editor_id: comment.authorId })
      .execute();
  }
  return row?.id;
}

/** A new version row and the comment's current text, in the same transaction. */
export async function updateCommentBody(
  trx: Transaction<Database>,
  comment: CommentForWrite,
  body: string,
  editorId: string,
): Promise<void> {
  const version = comment.version + 1;
  await trx
    .insertInto("comment_version")
    .values({ comment_id: comment.id, version, body, editor_id: editorId })
    .execute();
  await trx.updateTable("comment").set({ body, version, edited_at: sql`now()` }).where("id", "=", comment.id).execute();
}

export async function markCommentDeleted(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.updateTable("comment").set({ deleted_at: sql`now()` }).where("id", "=", id).execute();
}

/** Adds or removes the organisation's support; returns whether it now supports the comment. */
export async function toggleSupportRow(
  trx: Transaction<Database>,
  { commentId, organisationId, userId }: { commentId: string; organisationId: string; userId: string },
): Promise<boolean> {
  const removed = await trx
    .deleteFrom("comment_support")
    .where("comment_id", "=", commentId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) {
    await trx
      .updateTable("comment")
      .set((eb) => ({ support_count: eb("support_count", "-", 1) }))
      .where("id", "=", commentId)
      .execute();
    return false;
  }
  await trx
    .insertInto("comment_support")
    .values({ comment_id: commentId, organisation_id: organisationId, user_id: userId })
    .execute();
  await trx
    .updateTable("comment")
    .set((eb) => ({ support_count: eb("support_count", "+", 1) }))
    .where("id", "=", commentId)
    .execute();
  return true;
}

/** Serialises writes to one comment (support toggles of one organisation race otherwise). */
export async function lockComment(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.selectFrom("comment").select("id").where("id", "=", id).forUpdate().execute();
}

export async function replaceMentions(trx: Transaction<Database>, commentId: string, organisationIds: string[]) {
  await trx.deleteFrom("comment_mention").where("comment_id", "=", commentId).execute();
  if (organisationIds.length === 0) return;
  await trx
    .insertInto("comment_mention")
    .values(organisationIds.map((organisationId) => ({ comment_id: commentId, organisation_id: organisationId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function organisationDirectory(db: Kysely<Database>) {
  return db.selectFrom("organisation").select(["id", "slug", "name"]).execute();
}
