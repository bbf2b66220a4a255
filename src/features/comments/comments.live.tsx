import { commentsText as t } from "../../../views/comments/comments.text.js";
import { StanceCounts } from "../../../views/comments/Discussion.js";
import { announceText, NewCommentFragment, UpdatedCommentFragment } from "../../../views/comments/LiveFragments.js";
import { Announcement } from "../../../views/components/Announcement.js";
import type { DiscussionFilter } from "../../domain/debate.js";
import type { CommentEventKind } from "../../domain/live.js";
import type { AppDeps, CurrentUser } from "../../http/env.js";
import { findDiscussionProposalById } from "./comments.queries.js";
import { countByStance } from "./comments.read.js";
import { loadThreadContext } from "./thread.presenter.js";

/** The comment as it is now, for this viewer: replaying an old event shows today's state. */
export async function renderCommentEvent(
  deps: AppDeps,
  viewer: CurrentUser | undefined,
  filter: DiscussionFilter,
  event: { kind: CommentEventKind; commentId: string; proposalId: string },
): Promise<string> {
  const context = await loadThreadContext(deps.db, event.commentId, viewer);
  if (!context) return "";
  const comment = context.comment;
  const parts = [<Announcement message={announceText(event.kind, comment)} />];
  if (event.kind !== "comment_created") parts.unshift(<UpdatedCommentFragment comment={comment} />);
  // A new top-level comment joins the list only where it belongs: newest first, matching the filter.
  else if (comment.depth > 1 || (filter.sort === "recent" && (!filter.stance || filter.stance === comment.stance))) {
    parts.unshift(<NewCommentFragment comment={comment} parentId={comment.parentId} />);
  }
  if (comment.depth === 1 && (event.kind === "comment_created" || event.kind === "comment_deleted")) {
    parts.push(<StanceCounts counts={await countByStance(deps.db, event.proposalId)} oob />);
  }
  const html = await Promise.all(parts.map((part) => part.toString()));
  return html.join("");
}

/** A lock, an unlock or a new synthesis: said to whoever has the page open, as it stands now. */
export async function renderDiscussionEvent(
  deps: AppDeps,
  event: { kind: "discussion_locked" | "synthesis_published"; proposalId: string },
): Promise<string> {
  if (event.kind === "synthesis_published") return (<Announcement message={t.live.synthesis} />).toString();
  const proposal = await findDiscussionProposalById(deps.db, event.proposalId);
  return (<Announcement message={proposal?.lockedAt ? t.live.locked : t.live.unlocked} />).toString();
}
