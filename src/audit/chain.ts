import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/database.js";
import { chainHash, GENESIS_HASH } from "./canonical-json.js";

/**
 * The audit chain's one way in: take the lock, read the head, append. Everything that
 * writes to `audit_event` goes through `appendAuditEvent`; a caller that must decide
 * something under the same lock first (a ballot: cast, change or nothing) wraps that
 * decision in `underChainLock`.
 */

/** One key for the whole journal: every append in every instance queues on it. */
const AUDIT_CHAIN_LOCK = 5_150_001_2026;

/** Transactions that already hold the lock (it is released at their end, never reused). */
const lockedTransactions = new WeakSet<Transaction<Database>>();

async function lockAuditChain(trx: Transaction<Database>): Promise<void> {
  if (lockedTransactions.has(trx)) return;
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  lockedTransactions.add(trx);
}

/** Runs `decide` holding the chain lock, which stays held until the transaction ends. */
export async function underChainLock<T>(trx: Transaction<Database>, decide: () => Promise<T>): Promise<T> {
  await lockAuditChain(trx);
  return decide();
}

export interface AuditInput {
  kind: string;
  proposalId: string | null;
  /** Public, hashed as canonical JSON together with `kind` and `at`. */
  data: Record<string, unknown>;
}

export interface AppendedEvent {
  id: string;
  hash: string;
  prevHash: string;
  payload: Record<string, unknown>;
}

/**
 * Appends under a transaction-scoped advisory lock: without it two appends read the same
 * head and fork the chain (the UNIQUE prev_hash would then reject one). The lock is held
 * until the caller's transaction ends, so the next append sees this one.
 */
export async function appendAuditEvent(trx: Transaction<Database>, input: AuditInput): Promise<AppendedEvent> {
  await lockAuditChain(trx);
  const prevHash = (await readHead(trx)) ?? GENESIS_HASH;
  const payload = { ...input.data, kind: input.kind, at: new Date().toISOString() };
  const hash = chainHash(prevHash, payload);
  const row = await trx
    .insertInto("audit_event")
    .values({
      prev_hash: prevHash,
      hash,
      kind: input.kind,
      proposal_id: input.proposalId,
      payload: JSON.stringify(payload),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, hash, prevHash, payload };
}

async function readHead(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom("audit_event").select("hash").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row?.hash ?? null;
}

/** How many events the chain holds and the last one's hash; consistent when read under the lock. */
export async function readChainTip(db: Kysely<Database>): Promise<{ length: number; head: string | null }> {
  const { rows } = await sql<{ length: string; head: string | null }>`
    select count(*) as length, (select hash from audit_event order by id desc limit 1) as head
    from audit_event`.execute(db);
  return { length: Number(rows[0]?.length ?? 0), head: rows[0]?.head ?? null };
}

export async function findAuditHead(db: Kysely<Database>): Promise<string> {
  return (await readHead(db)) ?? GENESIS_HASH;
}

export function listAuditEvents(db: Kysely<Database>, options: { proposalId?: string; limit?: number } = {}) {
  let query = db
    .selectFrom("audit_event as e")
    .leftJoin("proposal as p", "p.id", "e.proposal_id")
    .select(["e.id", "e.prev_hash as prevHash", "e.hash", "e.kind", "e.payload", "e.created_at as createdAt", "p.slug"])
    .orderBy("e.id", "asc");
  if (options.proposalId) query = query.where("e.proposal_id", "=", options.proposalId);
  if (options.limit) query = query.limit(options.limit);
  return query.execute();
}
