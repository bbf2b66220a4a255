/** What an organisation may answer, how a vote is decided, what it decides. */
export const CHOICES = ["pour", "contre", "abstention"] as const;
export type Choice = (typeof CHOICES)[number];
export const ADOPTION_RULES = ["majorite_exprimes", "majorite_absolue", "deux_tiers_exprimes"] as const;
export type AdoptionRule = (typeof ADOPTION_RULES)[number];
/** What a ballot form did: a first ballot, a change, or nothing new (the same ballot again). */
export const BALLOT_OUTCOMES = ["cast", "change", "unchanged"] as const;
export type BallotOutcome = (typeof BALLOT_OUTCOMES)[number];
export type VoteResult = "adoptee" | "rejetee" | "quorum_non_atteint";

/** Longest reason an organisation may give with its ballot. */
export const MAX_REASON_LENGTH = 2000;

/** How many organisations chose each option; `cast` counts every ballot, abstentions included. */
export interface Tally {
  pour: number;
  contre: number;
  abstention: number;
  /** Ballots cast, abstentions included: what the quorum counts. */
  cast: number;
}
