import type { Kysely } from "kysely";
import type { Database } from "../../../db/database.js";
import {
  type ClosedBallotRow,
  findResultEvent,
  listClosedBallots,
  listOrganisationsForResults,
  type VoteProposalRow,
} from "./results.queries.js";
import { countChoices, quorumRequired, type VoteRules } from "./tally.js";
import type { GroupRow, ResultsViewModel, RollCallRow } from "./view-models/results.model.js";

export const rulesOf = (p: Pick<VoteProposalRow, "quorumFraction" | "quorumCount" | "adoptionRule">): VoteRules => ({
  quorumFraction: Number(p.quorumFraction),
  quorumCount: p.quorumCount,
  adoptionRule: p.adoptionRule,
});

type OrganisationRow = Awaited<ReturnType<typeof listOrganisationsForResults>>[number];

/** Everything the results of a closed vote show, from the current ballots (the chain holds the same). */
export async function loadResults(db: Kysely<Database>, proposal: VoteProposalRow): Promise<ResultsViewModel> {
  const [ballots, organisations, resultEvent] = await Promise.all([
    listClosedBallots(db, { proposalId: proposal.id }),
    listOrganisationsForResults(db),
    findResultEvent(db, proposal.id),
  ]);
  const byOrganisation = new Map(ballots.map((b) => [b.organisationId, b]));
  const rollCall: RollCallRow[] = organisations.map((o) => ({
    organisationSlug: o.slug,
    organisationName: o.name,
    collegeName: o.collegeName,
    choice: byOrganisation.get(o.id)?.choice ?? null,
    reason: byOrganisation.get(o.id)?.reason ?? "",
  }));
  return {
    result: proposal.result,
    tally: countChoices(ballots.map((b) => b.choice)),
    eligible: organisations.length,
    quorumRequired: quorumRequired(rulesOf(proposal), organisations.length),
    resultHash: resultEvent?.hash ?? null,
    byCollege: groupBy(organisations, byOrganisation, (o) => o.collegeName),
    byKind: groupBy(organisations, byOrganisation, (o) => o.kindLabel),
    rollCall,
  };
}

function groupBy(
  organisations: OrganisationRow[],
  ballots: Map<string, ClosedBallotRow>,
  key: (o: OrganisationRow) => string,
): GroupRow[] {
  const groups = new Map<string, { members: number; choices: ClosedBallotRow["choice"][] }>();
  for (const organisation of organisations) {
    const group = groups.get(key(organisation)) ?? { members: 0, choices: [] };
    group.members += 1;
    const ballot = ballots.get(organisation.id);
    if (ballot) group.choices.push(ballot.choice);
    groups.set(key(organisation), group);
  }
  return [...groups].map(([label, g]) => ({ label, members: g.members, ...countChoices(g.choices) }));
}
