import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/database.js";
import type { CommentEventKind, LiveEventKind, ProposalEventKind } from "../domain/live.js";

/** The NOTIFY channel every instance LISTENs on. */
export const LIVE_CHANNEL = "concertation_live";

export type LiveEventInput =
  | { proposalId: string; kind: CommentEventKind; commentId: string }
  | { proposalId: string; kind: ProposalEventKind };

export interface LiveEvent {
  id: string;
  proposalId: string;
  kind: LiveEventKind;
  commentId: string | null;
}

const LIVE_LOCK_SPACE = 480_211;

/**
 * Records the event and queues its NOTIFY, in the caller's transaction: Postgres delivers a
 * NOTIFY only at commit, so listeners never hear of a change that rolled back. The
 * per-proposal advisory lock makes event ids commit in order, so a client resuming after
 * id N never skips an event that committed later with a smaller id.
 */
export async function publishLiveEvent(trx: Transaction<Database>, event: LiveEventInput): Promise<string> {
  const commentId = "commentId" in event ? event.commentId : null;
  // One round trip: lock, insert, notify, in that order (each step reads the one before).
  const { rows } = await sql<{ id: string }>`
    with locked as (select pg_advisory_xact_lock(${LIVE_LOCK_SPACE}, ${Number(event.proposalId)}::int)),
    inserted as (
      insert into live_event (proposal_id, kind, comment_id)
      select ${event.proposalId}::bigint, ${event.kind}, ${commentId}::bigint from locked
      returning id, proposal_id, kind, comment_id
    )
    select id::text as id,
      pg_notify(${LIVE_CHANNEL}, json_build_object(
        'id', id::text, 'kind', kind, 'proposalId', proposal_id::text, 'commentId', comment_id::text)::text)
    from inserted`.execute(trx);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("live event not recorded");
  return id;
}

export function listLiveEventsAfter(
  db: Kysely<Database>,
  proposalId: string,
  afterId: string,
  limit: number,
): Promise<LiveEvent[]> {
  return db
    .selectFrom("live_event")
    .select(["id", "kind", "comment_id as commentId", "proposal_id as proposalId"])
    .where("proposal_id", "=", proposalId)
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Where a new stream starts: after the proposal's latest event ("0" when it has none). */
export async function latestLiveEventId(db: Kysely<Database>, proposalId: string): Promise<string> {
  const row = await db
    .selectFrom("live_event")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("proposal_id", "=", proposalId)
    .executeTakeFirst();
  return String(row?.id ?? "0");
}
