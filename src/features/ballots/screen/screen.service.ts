import type { Kysely } from "kysely";
import type { Database } from "../../../db/database.js";
import {
  listOrganisationIdsWithBallot,
  listOrganisationsForResults,
  listVoteProposals,
} from "../results/results.queries.js";
import { loadResults, rulesOf } from "../results/results.service.js";
import { quorumRequired } from "../results/tally.js";
import type { ScreenView, SeatView } from "./view-models/screen.model.js";

/**
 * The meeting screen of a proposal: every organisation's seat in college order; while the vote is
 * open only who has voted (the choices stay secret until the close), then the results.
 */
export async function loadScreen(db: Kysely<Database>, find: { slug: string } | { id: string }) {
  const proposal = (await listVoteProposals(db)).find((p) =>
    "slug" in find ? p.slug === find.slug : p.id === find.id,
  );
  if (!proposal) return undefined;
  const closed = proposal.status === "clos";
  const [organisations, voted, results] = await Promise.all([
    listOrganisationsForResults(db),
    listOrganisationIdsWithBallot(db, proposal.id),
    closed ? loadResults(db, proposal) : undefined,
  ]);
  const choiceOf = new Map(results?.rollCall.map((row) => [row.organisationSlug, row.choice]) ?? []);
  const seats: SeatView[] = organisations.map((o) => ({
    slug: o.slug,
    name: o.name,
    collegeName: o.collegeName,
    voted: voted.has(o.id),
    choice: closed ? (choiceOf.get(o.slug) ?? null) : null,
  }));
  const view: ScreenView = {
    slug: proposal.slug,
    number: proposal.number,
    title: proposal.title,
    status: proposal.status,
    opensAt: proposal.voteOpensAt,
    closesAt: proposal.voteClosesAt,
    drawnAt: new Date(),
    eligible: organisations.length,
    turnout: voted.size,
    quorumRequired: quorumRequired(rulesOf(proposal), organisations.length),
    seats,
    result: results?.result ?? null,
    tally: results
      ? { pour: results.tally.pour, contre: results.tally.contre, abstention: results.tally.abstention }
      : null,
  };
  return view;
}
