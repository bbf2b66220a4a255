import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/database.js";

/** Read-only queries behind the results, journal and export pages (decision 004: reads skip services). */
export function listVoteProposals(db: Kysely<Database>) {
  return db
    .selectFrom("proposal")
    .select([
      "id",
      "number",
      "slug",
      "title",
      "status",
      "result",
      "vote_opens_at as voteOpensAt",
      "vote_closes_at as voteClosesAt",
      "quorum_fraction as quorumFraction",
      "quorum_count as quorumCount",
      "adoption_rule as adoptionRule",
      "show_running_tally as showRunningTally",
    ])
    .orderBy("number")
    .execute();
}

export type VoteProposalRow = Awaited<ReturnType<typeof listVoteProposals>>[number];

/** Choices of closed votes only: while a vote is open, nobody reads another organisation's ballot. */
export function listClosedBallots(db: Kysely<Database>, filter: { proposalId?: string; organisationId?: string } = {}) {
  let query = db
    .selectFrom("ballot as b")
    .innerJoin("proposal as p", "p.id", "b.proposal_id")
    .innerJoin("organisation as o", "o.id", "b.organisation_id")
    .innerJoin("college as c", "c.slug", "o.college_slug")
    .innerJoin("organisation_kind as k", "k.slug", "o.kind_slug")
    .select([
      "p.id as proposalId",
      "p.slug as proposalSlug",
      "o.id as organisationId",
      "o.slug as organisationSlug",
      "o.name as organisationName",
      "c.name as collegeName",
      "k.label as kindLabel",
      "b.choice",
      "b.reason",
      "b.last_event_id as ballotEvent",
      "b.receipt",
    ])
    .where("p.status", "=", "clos")
    .orderBy("p.number")
    .orderBy("o.name");
  if (filter.proposalId) query = query.where("p.id", "=", filter.proposalId);
  if (filter.organisationId) query = query.where("o.id", "=", filter.organisationId);
  return query.execute();
}

export type ClosedBallotRow = Awaited<ReturnType<typeof listClosedBallots>>[number];

export function listOrganisationsForResults(db: Kysely<Database>) {
  return db
    .selectFrom("organisation as o")
    .innerJoin("college as c", "c.slug", "o.college_slug")
    .innerJoin("organisation_kind as k", "k.slug", "o.kind_slug")
    .select(["o.id", "o.slug", "o.name", "c.name as collegeName", "k.label as kindLabel"])
    .orderBy("c.position")
    .orderBy("o.name")
    .execute();
}

/** Per proposal: how many organisations hold a ballot (turnout is always public). */
export async function countBallotsByProposal(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("ballot")
    .select(["proposal_id as proposalId", (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy("proposal_id")
    .execute();
  return new Map(rows.map((r) => [r.proposalId, Number(r.count)]));
}

export function countChoicesForProposal(db: Kysely<Database>, proposalId: string) {
  return db
    .selectFrom("ballot")
    .select(["choice", (eb) => eb.fn.countAll<string>().as("count")])
    .where("proposal_id", "=", proposalId)
    .groupBy("choice")
    .execute();
}

export function listOrganisationsWithoutBallot(db: Kysely<Database>, proposalId: string) {
  return db
    .selectFrom("organisation as o")
    .select(["o.slug", "o.name"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("ballot as b")
            .select(sql`1`.as("one"))
            .whereRef("b.organisation_id", "=", "o.id")
            .where("b.proposal_id", "=", proposalId),
        ),
      ),
    )
    .orderBy("o.name")
    .execute();
}

/** Which organisations have cast a ballot on the proposal — never which choice: safe while the vote is open. */
export async function listOrganisationIdsWithBallot(db: Kysely<Database>, proposalId: string): Promise<Set<string>> {
  const rows = await db.selectFrom("ballot").select("organisation_id").where("proposal_id", "=", proposalId).execute();
  return new Set(rows.map((row) => row.organisation_id));
}

/** Choices and reasons of ballot events whose vote is closed (the salt is public then). */
export function listRevealedBallotEvents(db: Kysely<Database>) {
  return db
    .selectFrom("ballot_event as e")
    .innerJoin("proposal as p", "p.id", "e.proposal_id")
    .select(["e.id", "e.choice", "e.reason"])
    .where("p.status", "=", "clos")
    .execute();
}

export function findResultEvent(db: Kysely<Database>, proposalId: string) {
  return db
    .selectFrom("audit_event")
    .select(["hash", "created_at as createdAt"])
    .where("proposal_id", "=", proposalId)
    .where("kind", "=", "result")
    .orderBy("id", "desc")
    .executeTakeFirst();
}
