/** Where a proposal stands: drafted, debated, voted on, closed. */
export const PROPOSAL_STATUSES = ["brouillon", "debat", "vote_ouvert", "clos"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
