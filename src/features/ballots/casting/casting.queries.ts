import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../../db/database.js";
import type { Choice } from "../../../domain/ballots.js";

/** FOR SHARE: ballots run side by side, but a closing (FOR UPDATE) waits for them and they for it. */
export function lockProposalForBallot(trx: Transaction<Database>, slug: string) {
  return trx
    .selectFrom("proposal")
    .select(["id", "slug", "title", "status", sql<boolean>`vote_closes_at <= now()`.as("pastClosing")])
    .where("slug", "=", slug)
    .forShare()
    .executeTakeFirst();
}

/** The proposal's salt and a fresh ballot event id (the id goes into the hashed commitment). */
export async function prepareBallotEvent(trx: Transaction<Database>, proposalId: string) {
  const { rows } = await sql<{ salt: Uint8Array; id: string }>`
    select salt, nextval(pg_get_serial_sequence('ballot_event', 'id'))::text as id
    from proposal_secret where proposal_id = ${proposalId}`.execute(trx);
  return rows[0];
}

/** The organisation's current ballot, with who cast it; read under the chain lock when casting. */
export function findCurrentBallot(trx: Transaction<Database>, proposalId: string, organisationId: string) {
  return trx
    .selectFrom("ballot as b")
    .innerJoin("app_user as u", "u.id", "b.cast_by")
    .select(["b.choice", "b.reason", "b.receipt", "u.display_name as castByName"])
    .where("b.proposal_id", "=", proposalId)
    .where("b.organisation_id", "=", organisationId)
    .executeTakeFirst();
}

export function findBallot(db: Kysely<Database>, proposalId: string, organisationId: string) {
  return db
    .selectFrom("ballot as b")
    .innerJoin("app_user as u", "u.id", "b.cast_by")
    .select([
      "b.id",
      "b.choice",
      "b.reason",
      "b.receipt",
      "b.updated_at as castAt",
      "b.first_cast_at as firstCastAt",
      "u.display_name as castByName",
    ])
    .where("b.proposal_id", "=", proposalId)
    .where("b.organisation_id", "=", organisationId)
    .executeTakeFirst();
}

export interface BallotEventInput {
  id: string;
  proposalId: string;
  organisationId: string;
  userId: string;
  action: "cast" | "change";
  choice: Choice;
  reason: string;
  receipt: string;
}

/**
 * The event and the current ballot in one statement (one round trip under the chain lock).
 * The UNIQUE (proposal_id, organisation_id) constraint makes the upsert the one current ballot.
 */
export async function recordBallotRows(trx: Transaction<Database>, e: BallotEventInput): Promise<void> {
  await trx
    .with("event", (db) =>
      db.insertInto("ballot_event").values({
        id: e.id,
        proposal_id: e.proposalId,
        organisation_id: e.organisationId,
        user_id: e.userId,
        action: e.action,
        choice: e.choice,
        reason: e.reason,
        receipt: e.receipt,
      }),
    )
    .insertInto("ballot")
    .values({
      proposal_id: e.proposalId,
      organisation_id: e.organisationId,
      choice: e.choice,
      reason: e.reason,
      cast_by: e.userId,
      last_event_id: e.id,
      receipt: e.receipt,
    })
    .onConflict((oc) =>
      oc.constraint("ballot_one_per_organisation").doUpdateSet({
        choice: e.choice,
        reason: e.reason,
        cast_by: e.userId,
        last_event_id: e.id,
        receipt: e.receipt,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** The organisation's history on a proposal (receipts), newest first. */
export function listBallotEvents(db: Kysely<Database>, proposalId: string, organisationId: string) {
  return db
    .selectFrom("ballot_event as e")
    .innerJoin("app_user as u", "u.id", "e.user_id")
    .select(["e.id", "e.action", "e.choice", "e.receipt", "e.created_at as createdAt", "u.display_name as byName"])
    .where("e.proposal_id", "=", proposalId)
    .where("e.organisation_id", "=", organisationId)
    .orderBy("e.id", "desc")
    .execute();
}
