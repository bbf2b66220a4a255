import { COMMENT_EVENT_KINDS, type CommentEventKind, type LiveEventKind } from "./domain/live.js";
import { ballotOutcomeOf, loadVoteSection, renderScreenEvent, renderVoteEvent } from "./features/ballots/index.js";
import { loadDiscussionSection, renderCommentEvent, renderDiscussionEvent } from "./features/comments/index.js";
import { loadSynthesisSection } from "./features/moderation/index.js";
import type { AppDeps, ProposalRegions } from "./http/env.js";

/**
 * The proposal page, composed here once: each feature that shows something on it contributes its
 * region (one line per feature) and draws its own live events, so neither the proposal route nor
 * its stream imports the features, and a new region is a line here.
 */
export function proposalRegions(deps: AppDeps): ProposalRegions {
  return {
    load: async (proposal, viewer, flags = {}) => {
      const [vote, discussion, synthesis] = await Promise.all([
        loadVoteSection(deps, proposal, viewer, undefined, ballotOutcomeOf(flags.message)),
        loadDiscussionSection(deps, proposal, viewer),
        loadSynthesisSection(deps, proposal),
      ]);
      return { vote, discussion, synthesis };
    },
    renderEvent: (event, viewer, filter, audience = "page") => {
      const { kind, commentId, proposalId } = event;
      if (audience === "screen") return isVoteEvent(kind) ? renderScreenEvent(deps, proposalId) : Promise.resolve("");
      if (isCommentEvent(kind) && commentId)
        return renderCommentEvent(deps, viewer, filter, { kind, commentId, proposalId });
      if (kind === "discussion_locked" || kind === "synthesis_published")
        return renderDiscussionEvent(deps, { kind, proposalId });
      if (isVoteEvent(kind))
        return renderVoteEvent(deps, { id: proposalId }, viewer, kind).then((element) => element?.toString() ?? "");
      return Promise.resolve("");
    },
  };
}

const isVoteEvent = (kind: LiveEventKind): kind is "ballot_cast" | "vote_opened" | "vote_closed" | "vote_scheduled" =>
  kind === "ballot_cast" || kind === "vote_opened" || kind === "vote_closed" || kind === "vote_scheduled";

const isCommentEvent = (kind: LiveEventKind): kind is CommentEventKind =>
  (COMMENT_EVENT_KINDS as readonly string[]).includes(kind);
