import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { Stance } from "../../domain/debate.js";
import { HEADLINE_FRAGMENTS } from "../../domain/search.js";

/** Reads of the discussion (decision 004: plain reads skip the service layer). */

export type CommentSort = "recent" | "soutien";

export interface PageCursor {
  id: string;
  supportCount?: number;
}

function commentColumns(db: Kysely<Database>) {
  return db
    .selectFrom("comment as c")
    .innerJoin("app_user as u", "u.id", "c.author_id")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("organisation_kind as k", "k.slug", "o.kind_slug")
    .leftJoin("comment as rt", "rt.id", "c.reply_to_id")
    .leftJoin("app_user as rtu", "rtu.id", "rt.author_id")
    .select([
      "c.id",
      "c.proposal_id as proposalId",
      "c.parent_id as parentId",
      "c.root_id as rootId",
      "c.reply_to_id as replyToId",
      "rtu.display_name as replyToName",
      "c.depth",
      "c.stance",
      // A hidden body never leaves the database on a public read: every page, fragment and live event uses this.
      sql<string>`case when c.hidden_at is null then c.body else '' end`.as("body"),
      "c.hidden_at as hiddenAt",
      "c.hidden_rule as hiddenRule",
      "c.hidden_reason as hiddenReason",
      "c.pinned_at as pinnedAt",
      "c.support_count as supportCount",
      "c.version",
      "c.created_at as createdAt",
      "c.edited_at as editedAt",
      "c.deleted_at as deletedAt",
      "c.author_id as authorId",
      "c.organisation_id as organisationId",
      "u.display_name as authorName",
      "o.name as organisationName",
      "o.slug as organisationSlug",
      "k.label as kindLabel",
    ]);
}

export type CommentRow = Awaited<ReturnType<ReturnType<typeof commentColumns>["execute"]>>[number];

export interface TopLevelQuery {
  proposalId: string;
  stance?: Stance | undefined;
  sort: CommentSort;
  cursor?: PageCursor | undefined;
  limit: number;
}

/** Keyset pagination: "voir plus" costs the same on page 1 and page 50. */
export function listTopLevelComments(db: Kysely<Database>, query: TopLevelQuery): Promise<CommentRow[]> {
  let q = commentColumns(db).where("c.proposal_id", "=", query.proposalId).where("c.depth", "=", 1);
  if (query.stance) q = q.where("c.stance", "=", query.stance);
  const cursor = query.cursor;
  if (query.sort === "soutien") {
    if (cursor) q = q.where(sql<boolean>`(c.support_count, c.id) < (${cursor.supportCount ?? 0}, ${cursor.id})`);
    q = q.orderBy("c.support_count", "desc").orderBy("c.id", "desc");
  } else {
    if (cursor) q = q.where("c.id", "<", cursor.id);
    q = q.orderBy("c.id", "desc");
  }
  return q.limit(query.limit).execute();
}

export function listReplies(db: Kysely<Database>, rootIds: string[]): Promise<CommentRow[]> {
  if (rootIds.length === 0) return Promise.resolve([]);
  return commentColumns(db).where("c.root_id", "in", rootIds).orderBy("c.id").execute();
}

export function findCommentRow(db: Kysely<Database>, id: string): Promise<CommentRow | undefined> {
  return commentColumns(db).where("c.id", "=", id).executeTakeFirst();
}

export function listSupporters(db: Kysely<Database>, commentIds: string[]) {
  if (commentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("comment_support as s")
    .innerJoin("organisation as o", "o.id", "s.organisation_id")
    .select(["s.comment_id as commentId", "o.id as organisationId", "o.slug", "o.name"])
    .where("s.comment_id", "in", commentIds)
    .orderBy("o.name")
    .execute();
}

/** Per proposal: visible comments (neither deleted nor hidden) and how many organisations wrote them. */
export async function countDebateByProposal(
  db: Kysely<Database>,
): Promise<Map<string, { comments: number; organisations: number }>> {
  const rows = await db
    .selectFrom("comment")
    .select([
      "proposal_id as proposalId",
      (eb) => eb.fn.countAll<string>().as("comments"),
      (eb) => eb.fn.count<string>("organisation_id").distinct().as("organisations"),
    ])
    .where("deleted_at", "is", null)
    .where("hidden_at", "is", null)
    .groupBy("proposal_id")
    .execute();
  return new Map(
    rows.map((row) => [row.proposalId, { comments: Number(row.comments), organisations: Number(row.organisations) }]),
  );
}

export async function countByStance(db: Kysely<Database>, proposalId: string): Promise<Record<Stance, number>> {
  const rows = await db
    .selectFrom("comment")
    .select(["stance", (eb) => eb.fn.countAll<string>().as("count")])
    .where("proposal_id", "=", proposalId)
    .where("depth", "=", 1)
    .where("deleted_at", "is", null)
    .groupBy("stance")
    .execute();
  const counts: Record<Stance, number> = { pour: 0, contre: 0, nuance: 0, question: 0 };
  for (const row of rows) if (row.stance) counts[row.stance] = Number(row.count);
  return counts;
}

export function listVersions(db: Kysely<Database>, commentId: string) {
  return db
    .selectFrom("comment_version as v")
    .innerJoin("app_user as u", "u.id", "v.editor_id")
    .select(["v.version", "v.body", "v.created_at as createdAt", "u.display_name as editorName"])
    .where("v.comment_id", "=", commentId)
    .orderBy("v.version")
    .execute();
}

/**
 * French full-text search, accent-insensitive (french_unaccent configuration); hidden and
 * deleted comments are never found. websearch_to_tsquery never fails on user syntax
 * ("quoted", -excluded, or).
 */
export function searchComments(db: Kysely<Database>, terms: string, limit: number) {
  const query = sql`websearch_to_tsquery('french_unaccent', ${terms})`;
  return db
    .selectFrom("comment as c")
    .innerJoin("proposal as p", "p.id", "c.proposal_id")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("app_user as u", "u.id", "c.author_id")
    .select([
      "c.id",
      "c.root_id as rootId",
      "p.slug as proposalSlug",
      "p.number as proposalNumber",
      "p.title as proposalTitle",
      "o.name as organisationName",
      "u.display_name as authorName",
      "c.created_at as createdAt",
      sql<string>`ts_headline('french_unaccent', c.body, ${query}, ${HEADLINE_FRAGMENTS})`.as("excerpt"),
    ])
    .where(sql<boolean>`c.search_vector @@ ${query}`)
    .where("c.deleted_at", "is", null)
    .where("c.hidden_at", "is", null)
    .orderBy(sql`ts_rank(c.search_vector, ${query})`, "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
}
