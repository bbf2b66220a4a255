import type { Kysely, Transaction } from "kysely";
import { commentsText as t } from "../../../views/comments/comments.text.js";
import { requireMandate } from "../../auth/guards.js";
import type { Database, Stance } from "../../db/database.js";
import type { CurrentUser } from "../../http/env.js";
import { AppError, notFound } from "../../http/errors.js";
import { publishLiveEvent } from "../../live/live.queries.js";
import { mentionedSlugs } from "./comments.markdown.js";
import {
  type CommentForWrite,
  countRecentComments,
  type DiscussionProposal,
  findByIdempotencyKey,
  findCommentForWrite,
  findDiscussionProposal,
  findDiscussionProposalById,
  insertComment,
  isMandateCurrent,
  lockAuthor,
  lockComment,
  markCommentDeleted,
  organisationDirectory,
  replaceMentions,
  toggleSupportRow,
  updateCommentBody,
} from "./comments.queries.js";
import { queueCommentNotifications } from "./notifications.service.js";

export const MAX_DEPTH = 3;
/** Per person: at most this many comments in the window (a double submit does not count: it creates nothing). */
export const RATE_LIMIT = { count: 5, windowMs: 60_000 };

/** A rule of the debate refused the action; the route re-renders the form with the text kept. */
export class CommentRuleError extends AppError {}

export interface PostCommentInput {
  proposalSlug: string;
  parentId?: string | undefined;
  stance?: Stance | undefined;
  body: string;
  idempotencyKey: string;
}

export interface PostedComment {
  id: string;
  proposalSlug: string;
  rootId: string | null;
  created: boolean;
}

/** Why nobody may write in this discussion now, or null when it is open. */
export function discussionClosedReason(proposal: Pick<DiscussionProposal, "status" | "lockedAt" | "lockedReason">) {
  if (proposal.status === "clos") return t.closedProposal;
  if (proposal.status === "brouillon") return t.draftProposal;
  if (proposal.lockedAt) return proposal.lockedReason ? `${t.lockedThread} ${proposal.lockedReason}` : t.lockedThread;
  return null;
}

function assertOpen(proposal: DiscussionProposal): void {
  const reason = discussionClosedReason(proposal);
  if (reason) throw new CommentRuleError(403, "discussion_closed", reason);
}

async function assertMandate(trx: Kysely<Database>, user: CurrentUser) {
  const mandate = requireMandate(user);
  if (!(await isMandateCurrent(trx, mandate.id, user.id))) requireMandate(undefined);
  return mandate;
}

/** Posts a comment or a reply in the name of the person's organisation; a repeated submit returns the first one. */
export async function postComment(
  db: Kysely<Database>,
  user: CurrentUser | undefined,
  input: PostCommentInput,
  origin: string,
) {
  const author = user as CurrentUser;
  requireMandate(user);
  return db.transaction().execute(async (trx): Promise<PostedComment> => {
    await lockAuthor(trx, author.id);
    const proposal = await findDiscussionProposal(trx, input.proposalSlug);
    if (!proposal) throw notFound(t.unknownProposal);
    const existing = await findByIdempotencyKey(trx, author.id, input.idempotencyKey);
    if (existing) return { id: existing.id, proposalSlug: proposal.slug, rootId: existing.rootId, created: false };
    const mandate = await assertMandate(trx, author);
    assertOpen(proposal);
    const place = await placeReply(trx, proposal.id, input.parentId);
    await assertRate(trx, author.id);
    const id = await insertComment(trx, {
      ...place,
      proposalId: proposal.id,
      authorId: author.id,
      organisationId: mandate.organisationId,
      mandateId: mandate.id,
      stance: place.depth === 1 ? (input.stance ?? null) : null,
      body: input.body,
      idempotencyKey: input.idempotencyKey,
    });
    if (!id) throw new Error("idempotency key reused concurrently despite the author lock");
    await recordMentions(trx, id, input.body);
    await publishLiveEvent(trx, { proposalId: proposal.id, kind: "comment_created", commentId: id });
    await queueCommentNotifications(trx, { commentId: id, authorId: author.id, origin });
    return { id, proposalSlug: proposal.slug, rootId: place.rootId, created: true };
  });
}

/**
 * Where a reply goes: under its parent, three levels at most. A reply to a
 * third-level comment becomes its sibling (same parent) and remembers whom it answers.
 */
async function placeReply(trx: Kysely<Database>, proposalId: string, parentId: string | undefined) {
  if (!parentId) return { parentId: null, rootId: null, replyToId: null, depth: 1 };
  const parent = await findCommentForWrite(trx, parentId);
  if (!parent || parent.proposalId !== proposalId) throw notFound(t.unknownParent);
  const rootId = parent.rootId ?? parent.id;
  if (parent.depth < MAX_DEPTH) return { parentId: parent.id, rootId, replyToId: parent.id, depth: parent.depth + 1 };
  return { parentId: parent.parentId, rootId, replyToId: parent.id, depth: MAX_DEPTH };
}

async function assertRate(trx: Kysely<Database>, authorId: string) {
  if ((await countRecentComments(trx, authorId, RATE_LIMIT.windowMs)) >= RATE_LIMIT.count) {
    throw new CommentRuleError(429, "rate_limited", t.rateLimited);
  }
}

async function recordMentions(trx: Transaction<Database>, commentId: string, body: string) {
  const organisations = await organisationDirectory(trx);
  const bySlug = new Map(organisations.map((o) => [o.slug, o.id]));
  const slugs = mentionedSlugs(body, new Map(organisations.map((o) => [o.slug, o.name])));
  await replaceMentions(
    trx,
    commentId,
    slugs.map((slug) => bySlug.get(slug) ?? ""),
  );
}

/** Loads a comment the person may change: theirs, not deleted, in an open discussion. */
async function ownComment(trx: Transaction<Database>, user: CurrentUser, commentId: string) {
  await lockComment(trx, commentId);
  const comment = await findCommentForWrite(trx, commentId);
  if (!comment) throw notFound(t.unknownComment);
  if (comment.authorId !== user.id) throw new AppError(403, "not_author", t.notAuthor);
  if (comment.deletedAt) throw new CommentRuleError(403, "deleted", t.alreadyDeleted);
  if (comment.hiddenAt) throw new CommentRuleError(403, "hidden", t.hiddenByModeration);
  const proposal = await findDiscussionProposalById(trx, comment.proposalId);
  if (!proposal) throw notFound(t.unknownProposal);
  assertOpen(proposal);
  return { comment, proposal };
}

export async function editComment(db: Kysely<Database>, user: CurrentUser, commentId: string, body: string) {
  return db.transaction().execute(async (trx) => {
    const { comment, proposal } = await ownComment(trx, user, commentId);
    if (comment.body !== body) {
      await updateCommentBody(trx, comment, body, user.id);
      await recordMentions(trx, comment.id, body);
      await publishLiveEvent(trx, { proposalId: comment.proposalId, kind: "comment_edited", commentId: comment.id });
    }
    return location(comment, proposal.slug);
  });
}

/** The author removes their text; the row stays as a tombstone so replies keep their place. */
export async function deleteComment(db: Kysely<Database>, user: CurrentUser, commentId: string) {
  return db.transaction().execute(async (trx) => {
    const { comment, proposal } = await ownComment(trx, user, commentId);
    await markCommentDeleted(trx, comment.id);
    await publishLiveEvent(trx, { proposalId: comment.proposalId, kind: "comment_deleted", commentId: comment.id });
    return location(comment, proposal.slug);
  });
}

/** "Notre organisation soutient cet argument": once per organisation, a second click withdraws it. */
export async function toggleSupport(db: Kysely<Database>, user: CurrentUser | undefined, commentId: string) {
  const actor = user as CurrentUser;
  requireMandate(user);
  return db.transaction().execute(async (trx) => {
    const mandate = await assertMandate(trx, actor);
    await lockComment(trx, commentId);
    const comment = await findCommentForWrite(trx, commentId);
    if (!comment) throw notFound(t.unknownComment);
    if (comment.deletedAt) throw new CommentRuleError(403, "deleted", t.alreadyDeleted);
    if (comment.organisationId === mandate.organisationId) throw new AppError(403, "own_comment", t.ownSupport);
    const proposal = await findDiscussionProposalById(trx, comment.proposalId);
    if (!proposal) throw notFound(t.unknownProposal);
    assertOpen(proposal);
    const supported = await toggleSupportRow(trx, {
      commentId,
      organisationId: mandate.organisationId,
      userId: actor.id,
    });
    await publishLiveEvent(trx, { proposalId: comment.proposalId, kind: "comment_supported", commentId });
    return { ...location(comment, proposal.slug), supported };
  });
}

function location(comment: CommentForWrite, proposalSlug: string) {
  return { id: comment.id, rootId: comment.rootId, proposalSlug };
}
