import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../../db/database.js";
import type { VoteResult } from "../../../domain/ballots.js";
import type { ProposalStatus } from "../../../domain/proposals.js";

const LIFECYCLE_COLUMNS = [
  "id",
  "slug",
  "title",
  "status",
  "vote_opens_at as voteOpensAt",
  "vote_closes_at as voteClosesAt",
  "quorum_fraction as quorumFraction",
  "quorum_count as quorumCount",
  "adoption_rule as adoptionRule",
  "show_running_tally as showRunningTally",
] as const;

export function lockProposal(trx: Transaction<Database>, slug: string) {
  return trx.selectFrom("proposal").select(LIFECYCLE_COLUMNS).where("slug", "=", slug).forUpdate().executeTakeFirst();
}

export type LifecycleProposal = NonNullable<Awaited<ReturnType<typeof lockProposal>>>;

/**
 * The next proposal whose scheduled opening or closing is due. SKIP LOCKED: an
 * instance never waits on, nor repeats, a transition another instance is making;
 * once that one commits the status no longer matches.
 */
export function claimDueTransition(trx: Transaction<Database>) {
  return trx
    .selectFrom("proposal")
    .select(LIFECYCLE_COLUMNS)
    .where((eb) =>
      eb.or([
        eb.and([
          eb("status", "in", ["brouillon", "debat"]),
          eb("vote_opens_at", "<=", sql<Date>`now()`),
          eb("vote_closes_at", ">", sql<Date>`now()`),
        ]),
        eb.and([eb("status", "=", "vote_ouvert"), eb("vote_closes_at", "<=", sql<Date>`now()`)]),
      ]),
    )
    .orderBy("id")
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function setStatus(
  trx: Transaction<Database>,
  id: string,
  status: ProposalStatus,
  times: { opensNow?: boolean; closesNow?: boolean } = {},
): Promise<void> {
  await trx
    .updateTable("proposal")
    .set({
      status,
      updated_at: sql`now()`,
      ...(times.opensNow ? { vote_opens_at: sql`now()` } : {}),
      // Closing early moves the closing time to now; a late job keeps the scheduled time.
      ...(times.closesNow ? { vote_closes_at: sql`least(vote_closes_at, now())` } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function storeResult(trx: Transaction<Database>, id: string, result: VoteResult): Promise<void> {
  await trx.updateTable("proposal").set({ result, result_at: sql`now()` }).where("id", "=", id).execute();
}

export async function createSalt(trx: Transaction<Database>, proposalId: string, salt: Uint8Array): Promise<void> {
  await trx
    .insertInto("proposal_secret")
    .values({ proposal_id: proposalId, salt })
    .onConflict((oc) => oc.column("proposal_id").doNothing())
    .execute();
}

export async function revealSalt(trx: Transaction<Database>, proposalId: string): Promise<Uint8Array> {
  const row = await trx
    .updateTable("proposal_secret")
    .set({ revealed_at: sql`now()` })
    .where("proposal_id", "=", proposalId)
    .returning("salt")
    .executeTakeFirstOrThrow();
  return row.salt;
}

export function listCurrentBallots(db: Kysely<Database>, proposalId: string) {
  return db
    .selectFrom("ballot as b")
    .innerJoin("organisation as o", "o.id", "b.organisation_id")
    .select(["o.slug as organisation", "b.choice", "b.last_event_id as ballotEvent"])
    .where("b.proposal_id", "=", proposalId)
    .orderBy("o.slug")
    .execute();
}

export async function countOrganisations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("organisation")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface ScheduleInput {
  opensAt: Date | null;
  closesAt: Date | null;
  quorumFraction: number;
  quorumCount: number | null;
  adoptionRule: LifecycleProposal["adoptionRule"];
  showRunningTally: boolean;
}

export async function updateSchedule(trx: Transaction<Database>, id: string, input: ScheduleInput): Promise<void> {
  await trx
    .updateTable("proposal")
    .set({
      vote_opens_at: input.opensAt,
      vote_closes_at: input.closesAt,
      quorum_fraction: input.quorumFraction,
      quorum_count: input.quorumCount,
      adoption_rule: input.adoptionRule,
      show_running_tally: input.showRunningTally,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .execute();
}
