import type { JSX } from "hono/jsx/jsx-runtime";
import type { Kysely } from "kysely";
import { OrganisationPositions } from "../../../../views/ballots/results/OrganisationPositions.js";
import type { Database } from "../../../db/database.js";
import { listClosedBallots, listVoteProposals } from "./results.queries.js";

/** The positions region of an organisation's page. */
export async function loadOrganisationPositions(db: Kysely<Database>, organisationSlug: string): Promise<JSX.Element> {
  const organisation = await db
    .selectFrom("organisation")
    .select("id")
    .where("slug", "=", organisationSlug)
    .executeTakeFirst();
  const [proposals, ballots] = await Promise.all([
    listVoteProposals(db),
    organisation ? listClosedBallots(db, { organisationId: organisation.id }) : Promise.resolve([]),
  ]);
  const byProposal = new Map(ballots.map((b) => [b.proposalId, b]));
  const rows = proposals.map((p) => ({
    number: p.number,
    slug: p.slug,
    title: p.title,
    status: p.status,
    choice: byProposal.get(p.id)?.choice ?? null,
    reason: byProposal.get(p.id)?.reason ?? "",
  }));
  return <OrganisationPositions rows={rows} />;
}
