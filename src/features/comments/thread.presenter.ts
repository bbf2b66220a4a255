import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { Actor } from "../../domain/actor.js";
import { DomainError } from "../../domain/errors.js";
import { buildSingle, buildThreads, viewerContext } from "./comments.presenter.js";
import { type DiscussionProposal, findDiscussionProposalById } from "./comments.queries.js";
import { findCommentRow } from "./comments.read.js";
import { discussionState } from "./comments.service.js";
import type { CommentView } from "./view-models/comments.model.js";

export interface ThreadContext {
  proposal: DiscussionProposal;
  /** The comment itself, without replies. */
  comment: CommentView;
  rootId: string;
}

/** A comment and its proposal, as this viewer sees them; undefined for an unknown id. */
export async function loadThreadContext(
  db: Kysely<Database>,
  commentId: string,
  viewer: Actor | undefined,
): Promise<ThreadContext | undefined> {
  const row = await findCommentRow(db, commentId);
  if (!row) return undefined;
  const proposal = await findDiscussionProposalById(db, row.proposalId);
  if (!proposal) return undefined;
  const open = discussionState(proposal) === "open";
  const comment = await buildSingle(db, row, viewerContext(viewer, open));
  return { proposal, comment, rootId: row.rootId ?? row.id };
}

export async function singleView(db: Kysely<Database>, commentId: string, viewer: Actor | undefined) {
  const context = await loadThreadContext(db, commentId, viewer);
  if (!context) throw new DomainError("comments.thread_not_found");
  return context.comment;
}

/** The whole thread the comment belongs to, from its top-level comment down. */
export async function loadThread(db: Kysely<Database>, commentId: string, viewer: Actor | undefined) {
  const context = await loadThreadContext(db, commentId, viewer);
  if (!context) return undefined;
  const root = await findCommentRow(db, context.rootId);
  if (!root) return undefined;
  const open = discussionState(context.proposal) === "open";
  const [thread] = await buildThreads(db, [root], viewerContext(viewer, open));
  return thread ? { proposal: context.proposal, thread } : undefined;
}
