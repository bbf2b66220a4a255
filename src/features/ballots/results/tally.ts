import type { AdoptionRule, Choice, Tally, VoteResult } from "../../../domain/ballots.js";

/** Pure counting rules, shared by the server (closing) and by every verifier. */

export interface VoteRules {
  quorumFraction: number;
  quorumCount: number | null;
  adoptionRule: AdoptionRule;
}

export interface Decision {
  eligible: number;
  quorumRequired: number;
  quorumReached: boolean;
  result: VoteResult;
}

export function countChoices(choices: Iterable<Choice>): Tally {
  const tally: Tally = { pour: 0, contre: 0, abstention: 0, cast: 0 };
  for (const choice of choices) {
    tally[choice] += 1;
    tally.cast += 1;
  }
  return tally;
}

/** Quorum in organisations: a fixed number if set, otherwise the fraction of all organisations, rounded up. */
export function quorumRequired(rules: VoteRules, eligible: number): number {
  return rules.quorumCount ?? Math.ceil(rules.quorumFraction * eligible - 1e-9);
}

export function isAdopted(tally: Tally, rule: AdoptionRule): boolean {
  const expressed = tally.pour + tally.contre;
  switch (rule) {
    case "majorite_exprimes":
      return tally.pour > tally.contre;
    case "majorite_absolue":
      return tally.pour * 2 > tally.cast;
    case "deux_tiers_exprimes":
      return tally.pour > 0 && tally.pour * 3 >= expressed * 2;
  }
}

export function decide(tally: Tally, rules: VoteRules, eligible: number): Decision {
  const required = quorumRequired(rules, eligible);
  const quorumReached = tally.cast >= required;
  const result: VoteResult = !quorumReached
    ? "quorum_non_atteint"
    : isAdopted(tally, rules.adoptionRule)
      ? "adoptee"
      : "rejetee";
  return { eligible, quorumRequired: required, quorumReached, result };
}
