import { type Kysely, sql, type Transaction } from "kysely";
import { appendAuditEvent } from "../../audit/chain.js";
import type { Database } from "../../db/database.js";
import type { ModerationRule } from "../../domain/moderation.js";
import type { Role } from "../../domain/people.js";

/** Returns false when this person had already reported this comment (the UNIQUE constraint decides). */
export async function insertReport(
  db: Kysely<Database>,
  report: { commentId: string; reporterId: string; rule: ModerationRule; note: string },
): Promise<boolean> {
  const row = await db
    .insertInto("moderation_report")
    .values({ comment_id: report.commentId, reporter_id: report.reporterId, rule: report.rule, note: report.note })
    .onConflict((oc) => oc.constraint("moderation_report_once").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The comment as moderation sees it: its real body, even hidden, and whom to tell. */
export function findCommentForModeration(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("comment as c")
    .innerJoin("app_user as u", "u.id", "c.author_id")
    .innerJoin("proposal as p", "p.id", "c.proposal_id")
    .select([
      "c.id",
      "c.proposal_id as proposalId",
      "c.organisation_id as organisationId",
      "c.author_id as authorId",
      "c.root_id as rootId",
      "c.body",
      "c.hidden_at as hiddenAt",
      "c.pinned_at as pinnedAt",
      "c.deleted_at as deletedAt",
      "u.email as authorEmail",
      "p.slug as proposalSlug",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
}

export type ModeratedComment = NonNullable<Awaited<ReturnType<typeof findCommentForModeration>>>;

export async function lockCommentRow(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.selectFrom("comment").select("id").where("id", "=", id).forUpdate().execute();
}

export async function setHidden(
  trx: Transaction<Database>,
  id: string,
  hidden: { rule: ModerationRule; reason: string } | null,
): Promise<void> {
  await trx
    .updateTable("comment")
    .set(
      hidden
        ? { hidden_at: sql`now()`, hidden_rule: hidden.rule, hidden_reason: hidden.reason, pinned_at: null }
        : { hidden_at: null, hidden_rule: null, hidden_reason: null },
    )
    .where("id", "=", id)
    .execute();
}

export async function setPinned(trx: Transaction<Database>, id: string, pinned: boolean): Promise<void> {
  await trx
    .updateTable("comment")
    .set({ pinned_at: pinned ? sql`now()` : null })
    .where("id", "=", id)
    .execute();
}

export async function closeReports(trx: Transaction<Database>, commentId: string): Promise<number> {
  const rows = await trx
    .updateTable("moderation_report")
    .set({ closed_at: sql`now()` })
    .where("comment_id", "=", commentId)
    .where("closed_at", "is", null)
    .returning("id")
    .execute();
  return rows.length;
}

export async function setThreadLock(trx: Transaction<Database>, proposalId: string, reason: string | null) {
  await trx
    .updateTable("proposal")
    .set({ thread_locked_at: reason === null ? null : sql`now()`, thread_locked_reason: reason })
    .where("id", "=", proposalId)
    .execute();
}

export interface ModerationRecord {
  kind: string;
  actorId: string;
  actorRole: Role;
  targetType: "comment" | "proposal" | "app_user" | "synthesis";
  targetId: string;
  proposalId: string | null;
  rule?: ModerationRule | undefined;
  reason?: string | undefined;
}

/** The public record: an audit-chain event naming the role, never the person; who acted stays internal. */
export async function recordModeration(trx: Transaction<Database>, record: ModerationRecord): Promise<void> {
  const event = await appendAuditEvent(trx, {
    kind: record.kind,
    proposalId: record.proposalId,
    data: {
      target: `${record.targetType}:${record.targetId}`,
      role: record.actorRole,
      rule: record.rule ?? null,
      reason: record.reason ?? null,
    },
  });
  await trx
    .insertInto("moderation_action")
    .values({
      kind: record.kind,
      actor_id: record.actorId,
      target_type: record.targetType,
      target_id: record.targetId,
      audit_event_id: event.id,
    })
    .execute();
}

/** Open reports grouped by comment, oldest first, with the real body (moderators only). */
export function listQueue(db: Kysely<Database>) {
  return db
    .selectFrom("moderation_report as r")
    .innerJoin("comment as c", "c.id", "r.comment_id")
    .innerJoin("app_user as u", "u.id", "c.author_id")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("proposal as p", "p.id", "c.proposal_id")
    .select([
      "c.id",
      "c.body",
      "c.root_id as rootId",
      "c.hidden_at as hiddenAt",
      "c.pinned_at as pinnedAt",
      "c.created_at as createdAt",
      "u.display_name as authorName",
      "o.name as organisationName",
      "p.slug as proposalSlug",
      "p.title as proposalTitle",
      (eb) => eb.fn.countAll<string>().as("reportCount"),
      (eb) => eb.fn.min("r.created_at").as("firstReportAt"),
      sql<string[]>`array_agg(distinct r.rule)`.as("rules"),
      sql<string[]>`array_remove(array_agg(r.note order by r.id), '')`.as("notes"),
    ])
    .where("r.closed_at", "is", null)
    .groupBy(["c.id", "u.display_name", "o.name", "p.slug", "p.title"])
    .orderBy("firstReportAt", "asc")
    .limit(200)
    .execute();
}

/** Public moderation journal, newest first: read from the audit chain itself. */
export function listModerationJournal(db: Kysely<Database>, limit = 500) {
  return db
    .selectFrom("audit_event as e")
    .leftJoin("proposal as p", "p.id", "e.proposal_id")
    .select(["e.id", "e.kind", "e.payload", "e.hash", "e.created_at as createdAt", "p.slug as proposalSlug"])
    .where("e.kind", "like", "moderation.%")
    .orderBy("e.id", "desc")
    .limit(limit)
    .execute();
}

export type JournalRow = Awaited<ReturnType<typeof listModerationJournal>>[number];
