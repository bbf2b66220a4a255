/** What changed on a comment: its page fragment is re-rendered. */
export const COMMENT_EVENT_KINDS = [
  "comment_created",
  "comment_edited",
  "comment_deleted",
  "comment_supported",
  "comment_hidden",
  "comment_restored",
  "comment_pinned",
] as const;
/** What changed on the proposal as a whole: its vote region, its discussion's state, its synthesis. */
export const PROPOSAL_EVENT_KINDS = [
  "ballot_cast",
  "debate_opened",
  "vote_scheduled",
  "vote_opened",
  "vote_closed",
  "discussion_locked",
  "synthesis_published",
] as const;
export type CommentEventKind = (typeof COMMENT_EVENT_KINDS)[number];
export type ProposalEventKind = (typeof PROPOSAL_EVENT_KINDS)[number];
export type LiveEventKind = CommentEventKind | ProposalEventKind;
