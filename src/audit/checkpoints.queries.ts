import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/database.js";
import type { CheckpointReason } from "../domain/audit.js";
import { readChainTip, underChainLock } from "./chain.js";
import type { Checkpoint, CheckpointSigner } from "./checkpoints.js";

export interface StoredCheckpoint extends Checkpoint {
  reason: CheckpointReason;
  keyFingerprint: string;
}

/**
 * Signs the journal as it stands in this transaction and publishes the checkpoint. Takes the
 * chain lock (re-entrant: a caller that appended already holds it), so no append slips between
 * the count and the head. Undefined for an empty journal.
 */
export async function signChainTip(
  trx: Transaction<Database>,
  signer: CheckpointSigner,
  reason: CheckpointReason,
): Promise<StoredCheckpoint | undefined> {
  const tip = await underChainLock(trx, () => readChainTip(trx));
  return tip.head === null ? undefined : recordCheckpoint(trx, signer, reason, { length: tip.length, head: tip.head });
}

/** Signs and publishes a tip the caller read under the chain lock (in this transaction). */
export async function recordCheckpoint(
  trx: Transaction<Database>,
  signer: CheckpointSigner,
  reason: CheckpointReason,
  tip: { length: number; head: string },
): Promise<StoredCheckpoint> {
  const checkpoint = signer.sign({ length: tip.length, head: tip.head, at: new Date().toISOString() });
  await trx
    .insertInto("audit_checkpoint")
    .values({
      chain_length: checkpoint.length,
      head_hash: checkpoint.head,
      signed_at: new Date(checkpoint.at),
      signature: checkpoint.signature,
      key_fingerprint: signer.fingerprint,
      reason,
    })
    .execute();
  return { ...checkpoint, reason, keyFingerprint: signer.fingerprint };
}

export interface CheckpointDue {
  reason: CheckpointReason;
  /** The tip read under the lock, to be signed as it is. */
  tip: { length: number; head: string };
}

/**
 * Whether the journal needs a new checkpoint now, decided under the chain lock so that every
 * instance asking at once gets one answer: a vote closed since the last one, or the head has
 * moved and the last one is older than `periodMs` (or there is none).
 */
export async function checkpointDue(
  trx: Transaction<Database>,
  periodMs: number,
  now: Date,
): Promise<CheckpointDue | undefined> {
  const { length, head } = await underChainLock(trx, () => readChainTip(trx));
  if (head === null) return undefined;
  const tip = { length, head };
  const last = await trx
    .selectFrom("audit_checkpoint")
    .select(["chain_length", "signed_at"])
    .orderBy("chain_length", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const lastLength = last ? Number(last.chain_length) : 0;
  if (lastLength >= tip.length) return undefined;
  const { rows } = await sql<{ closed: boolean }>`
    select exists (
      select 1 from (select kind from audit_event order by id offset ${lastLength}) since
      where kind in ('vote_closed', 'result')
    ) as closed`.execute(trx);
  if (rows[0]?.closed) return { reason: "vote_close", tip };
  if (!last || now.getTime() - last.signed_at.getTime() >= periodMs) return { reason: "periodic", tip };
  return undefined;
}

export async function listCheckpoints(db: Kysely<Database>): Promise<StoredCheckpoint[]> {
  const rows = await db
    .selectFrom("audit_checkpoint")
    .select(["chain_length", "head_hash", "signed_at", "signature", "reason", "key_fingerprint"])
    .orderBy("id", "asc")
    .execute();
  return rows.map((row) => ({
    length: Number(row.chain_length),
    head: row.head_hash,
    at: row.signed_at.toISOString(),
    signature: row.signature,
    reason: row.reason,
    keyFingerprint: row.key_fingerprint,
  }));
}
