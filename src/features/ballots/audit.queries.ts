import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import { chainHash, GENESIS_HASH } from "./canonical-json.js";

/** One key for the whole journal: every append in every instance queues on it. */
const AUDIT_CHAIN_LOCK = 5_150_001_2026;

/** Re-entrant within a transaction; released at commit or rollback. */
export async function lockAuditChain(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
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
 * Appends under a transaction-scoped advisory lock: without it two appends read
 * the same head and fork the chain (the UNIQUE prev_hash would then reject one).
 * The lock is held until the caller's transaction ends, so the next append sees this one.
 */
export async function appendAuditEvent(
  trx: Transaction<Database>,
  input: AuditInput,
  /** The head read by a caller that already holds the lock (saves a round trip under it). */
  knownHead?: string,
): Promise<AppendedEvent> {
  let prevHash = knownHead;
  if (prevHash === undefined) {
    await lockAuditChain(trx);
    prevHash = await readHead(trx);
  }
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

async function readHead(db: Kysely<Database>): Promise<string> {
  const head = await db.selectFrom("audit_event").select("hash").orderBy("id", "desc").limit(1).executeTakeFirst();
  return head?.hash ?? GENESIS_HASH;
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

export function findAuditHead(db: Kysely<Database>): Promise<string> {
  return readHead(db);
}
