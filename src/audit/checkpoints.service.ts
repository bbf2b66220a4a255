import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { CheckpointSigner } from "./checkpoints.js";
import { checkpointDue, recordCheckpoint, type StoredCheckpoint } from "./checkpoints.queries.js";

/** A checkpoint at least this often while the head moves. */
export const CHECKPOINT_PERIOD_MS = 10 * 60 * 1000;

/**
 * Signs the journal when a vote has closed since the last checkpoint, or when the head has
 * moved and the last one is `periodMs` old. Decided and signed under the chain lock: every
 * instance may call it on every tick, each state of the journal is signed once.
 */
export async function signDueCheckpoint(
  db: Kysely<Database>,
  signer: CheckpointSigner,
  { periodMs = CHECKPOINT_PERIOD_MS, now = new Date() }: { periodMs?: number; now?: Date } = {},
): Promise<StoredCheckpoint | undefined> {
  return db.transaction().execute(async (trx) => {
    const due = await checkpointDue(trx, periodMs, now);
    return due ? recordCheckpoint(trx, signer, due.reason, due.tip) : undefined;
  });
}
