import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { Actor } from "../../domain/actor.js";
import { type MentionDirectory, renderCommentMarkdown } from "./comments.markdown.js";
import { organisationDirectory } from "./comments.queries.js";
import { type CommentRow, listReplies, listSupporters } from "./comments.read.js";
import type { CommentView } from "./view-models/comments.model.js";

/** What the viewer may do, decided here once; the server checks again on every action. */
export interface ViewerContext {
  userId: string | undefined;
  organisationId: string | undefined;
  /** The discussion accepts writes (not closed, not locked, not a draft). */
  open: boolean;
}

export function viewerContext(user: Actor | undefined, open: boolean): ViewerContext {
  return { userId: user?.id, organisationId: user?.mandate?.organisationId, open };
}

export async function mentionDirectory(db: Kysely<Database>): Promise<MentionDirectory> {
  return new Map((await organisationDirectory(db)).map((o) => [o.slug, o.name]));
}

/** Top-level rows with all their replies, supports and the viewer's possible actions, as nested views. */
export async function buildThreads(
  db: Kysely<Database>,
  tops: CommentRow[],
  viewer: ViewerContext,
): Promise<CommentView[]> {
  const replies = await listReplies(
    db,
    tops.map((top) => top.id),
  );
  const rows = [...tops, ...replies];
  const [supporters, directory] = await Promise.all([
    listSupporters(
      db,
      rows.map((row) => row.id),
    ),
    mentionDirectory(db),
  ]);
  const views = new Map(rows.map((row) => [row.id, toView(row, supporters, viewer, directory)]));
  for (const reply of replies) {
    const parent = reply.parentId ? views.get(reply.parentId) : undefined;
    const view = views.get(reply.id);
    if (parent && view) parent.replies.push(view);
  }
  return tops.map((top) => views.get(top.id)).filter((view): view is CommentView => view !== undefined);
}

/** One comment without its replies (live updates swap the content block only). */
export async function buildSingle(db: Kysely<Database>, row: CommentRow, viewer: ViewerContext): Promise<CommentView> {
  const [supporters, directory] = await Promise.all([listSupporters(db, [row.id]), mentionDirectory(db)]);
  return toView(row, supporters, viewer, directory);
}

type SupporterRow = Awaited<ReturnType<typeof listSupporters>>[number];

function toView(
  row: CommentRow,
  supporters: SupporterRow[],
  viewer: ViewerContext,
  directory: MentionDirectory,
): CommentView {
  const deleted = row.deletedAt !== null || row.hiddenAt !== null;
  const mine = supporters.filter((s) => s.commentId === row.id);
  const member = viewer.organisationId !== undefined;
  return {
    id: row.id,
    parentId: row.parentId,
    depth: row.depth,
    stance: row.stance,
    authorName: row.authorName,
    organisationName: row.organisationName,
    organisationSlug: row.organisationSlug,
    kindLabel: row.kindLabel,
    bodyHtml: deleted ? null : renderCommentMarkdown(row.body, directory),
    hidden: row.hiddenAt && row.hiddenRule ? { rule: row.hiddenRule, reason: row.hiddenReason ?? "" } : null,
    pinned: row.pinnedAt !== null && !deleted,
    createdAt: row.createdAt,
    edited: row.version > 1 && !deleted,
    version: row.version,
    replyToName: row.replyToId && row.replyToId !== row.parentId ? row.replyToName : null,
    supportCount: row.supportCount,
    supporters: mine.map((s) => ({ slug: s.slug, name: s.name })),
    can: {
      reply: viewer.open && member && !deleted,
      edit: viewer.open && viewer.userId === row.authorId && !deleted,
      support: viewer.open && member && !deleted && viewer.organisationId !== row.organisationId,
      supported: mine.some((s) => s.organisationId === viewer.organisationId),
      report: viewer.userId !== undefined && viewer.userId !== row.authorId && !deleted,
    },
    replies: [],
  };
}
