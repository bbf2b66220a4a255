import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import type { Actor } from "../../domain/actor.js";
import type { Stance } from "../../domain/debate.js";
import { DomainError } from "../../domain/errors.js";
import { publishLiveEvent } from "../../live/live.queries.js";
import { actingFor, mandateOf } from "../../mandates/mandates.js";
import { findActingMandate } from "../../mandates/mandates.queries.js";
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

export type DiscussionState = "open" | "closed" | "draft" | "locked";

/** Whether anyone may write in this discussion now, and if not, why. */
export function discussionState(proposal: Pick<DiscussionProposal, "status" | "lockedAt">): DiscussionState {
  if (proposal.status === "clos") return "closed";
  if (proposal.status === "brouillon") return "draft";
  if (proposal.lockedAt) return "locked";
  return "open";
}

function assertOpen(proposal: DiscussionProposal): void {
  const state = discussionState(proposal);
  if (state !== "open")
    throw new DomainError("comments.discussion_closed", {
      params: { state, lockedReason: proposal.lockedReason ?? "" },
    });
}

async function assertMandate(trx: Kysely<Database>, user: Actor) {
  const mandate = mandateOf(user);
  if (!(await findActingMandate(trx, { userId: user.id, mandateId: mandate.id }))) mandateOf(undefined);
  return mandate;
}

/** Posts a comment or a reply in the name of the person's organisation; a repeated submit returns the first one. */
export async function postComment(
  db: Kysely<Database>,
  user: Actor | undefined,
  input: PostCommentInput,
  origin: string,
) {
  const { actor: author } = actingFor(user);
  return db.transaction().execute(async (trx): Promise<PostedComment> => {
    await lockAuthor(trx, author.id);
    const proposal = await findDiscussionProposal(trx, input.proposalSlug);
    if (!proposal) throw new DomainError("comments.proposal_not_found");
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
  if (!parent || parent.proposalId !== proposalId) throw new DomainError("comments.parent_not_found");
  const rootId = parent.rootId ?? parent.id;
  if (parent.depth < MAX_DEPTH) return { parentId: parent.id, rootId, replyToId: parent.id, depth: parent.depth + 1 };
  return { parentId: parent.parentId, rootId, replyToId: parent.id, depth: MAX_DEPTH };
}

async function assertRate(trx: Kysely<Database>, authorId: string) {
  if ((await countRecentComments(trx, authorId, RATE_LIMIT.windowMs)) >= RATE_LIMIT.count) {
    throw new DomainError("comments.rate_limited");
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
async function ownComment(trx: Transaction<Database>, user: Actor, commentId: string) {
  await lockComment(trx, commentId);
  const comment = await findCommentForWrite(trx, commentId);
  if (!comment) throw new DomainError("comments.comment_not_found");
  if (comment.authorId !== user.id) throw new DomainError("comments.not_author");
  if (comment.deletedAt) throw new DomainError("comments.deleted");
  if (comment.hiddenAt) throw new DomainError("comments.hidden");
  const proposal = await findDiscussionProposalById(trx, comment.proposalId);
  if (!proposal) throw new DomainError("comments.proposal_not_found");
  assertOpen(proposal);
  return { comment, proposal };
}

export async function editComment(db: Kysely<Database>, user: Actor, commentId: string, body: string) {
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
export async function deleteComment(db: Kysely<Database>, user: Actor, commentId: string) {
  return db.transaction().execute(async (trx) => {
    const { comment, proposal } = await ownComment(trx, user, commentId);
    await markCommentDeleted(trx, comment.id);
    await publishLiveEvent(trx, { proposalId: comment.proposalId, kind: "comment_deleted", commentId: comment.id });
    return location(comment, proposal.slug);
  });
}

/** "Notre organisation soutient cet argument": once per organisation, a second click withdraws it. */
export async function toggleSupport(db: Kysely<Database>, user: Actor | undefined, commentId: string) {
  const { actor } = actingFor(user);
  return db.transaction().execute(async (trx) => {
    const mandate = await assertMandate(trx, actor);
    await lockComment(trx, commentId);
    const comment = await findCommentForWrite(trx, commentId);
    if (!comment) throw new DomainError("comments.comment_not_found");
    if (comment.deletedAt) throw new DomainError("comments.deleted");
    if (comment.organisationId === mandate.organisationId) throw new DomainError("comments.own_support");
    const proposal = await findDiscussionProposalById(trx, comment.proposalId);
    if (!proposal) throw new DomainError("comments.proposal_not_found");
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
