import type { Kysely } from "kysely";
import type { Database } from "../../../db/database.js";
import { listVoteProposals } from "../results/results.queries.js";
import { findBallot, listBallotEvents } from "./casting.queries.js";
import type { DashboardRow } from "./view-models/casting.model.js";

/** For each proposal: status, deadline, what the organisation did and its receipts. */
export async function loadDashboard(db: Kysely<Database>, organisationId: string): Promise<DashboardRow[]> {
  const proposals = await listVoteProposals(db);
  return Promise.all(
    proposals.map(async (p) => {
      const [ballot, history] = await Promise.all([
        findBallot(db, p.id, organisationId),
        listBallotEvents(db, p.id, organisationId),
      ]);
      return {
        number: p.number,
        slug: p.slug,
        title: p.title,
        status: p.status,
        closesAt: p.voteClosesAt,
        ballot: ballot ? { choice: ballot.choice, castByName: ballot.castByName, castAt: ballot.castAt } : null,
        receipts: history.map((h) => ({ receipt: h.receipt, createdAt: h.createdAt, choice: h.choice })),
      };
    }),
  );
}
