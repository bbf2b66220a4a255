import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { listQueue } from "./moderation.queries.js";
import type { ModeratedCommentView, ProposalLinkView, QueueItemView } from "./view-models/moderation.model.js";

/** Reads for the moderation pages (decision 004: plain reads skip the service layer). */

export async function loadQueue(
  db: Kysely<Database>,
): Promise<{ items: QueueItemView[]; proposals: ProposalLinkView[] }> {
  const [rows, proposals] = await Promise.all([
    listQueue(db),
    db
      .selectFrom("proposal")
      .select(["slug", "number", "title", "thread_locked_at as lockedAt"])
      .orderBy("number")
      .execute(),
  ]);
  return {
    items: rows.map((row) => ({
      ...row,
      reportCount: Number(row.reportCount),
      firstReportAt: new Date(row.firstReportAt as unknown as string),
    })),
    proposals: proposals.map((p) => ({ slug: p.slug, number: p.number, title: p.title, locked: p.lockedAt !== null })),
  };
}

/** The real body, even hidden: only moderation pages call this. */
export async function loadModeratedComment(
  db: Kysely<Database>,
  id: string,
): Promise<ModeratedCommentView | undefined> {
  const row = await db
    .selectFrom("comment as c")
    .innerJoin("app_user as u", "u.id", "c.author_id")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("proposal as p", "p.id", "c.proposal_id")
    .select([
      "c.id",
      "c.body",
      "c.root_id as rootId",
      "c.hidden_at as hiddenAt",
      "c.pinned_at as pinnedAt",
      "c.author_id as authorId",
      "u.display_name as authorName",
      "u.status as authorStatus",
      "o.name as organisationName",
      "p.slug as proposalSlug",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const reports = await db
    .selectFrom("moderation_report")
    .select(["note"])
    .where("comment_id", "=", id)
    .where("closed_at", "is", null)
    .execute();
  return {
    ...row,
    hidden: row.hiddenAt !== null,
    pinned: row.pinnedAt !== null,
    authorSuspended: row.authorStatus === "suspended",
    reportCount: reports.length,
    notes: reports.map((r) => r.note).filter((note) => note !== ""),
  };
}
