import type { Kysely } from "kysely";
import { GENESIS_HASH } from "../../audit/canonical-json.js";
import type { Database } from "../../db/database.js";

/** The published proposals' official texts, by id. */
export function listProposalBodies(db: Kysely<Database>) {
  return db.selectFrom("proposal").select(["id", "body"]).execute();
}

/** Whether `hash` is the journal's genesis or the hash of one of its events (a head it has had). */
export async function isJournalHash(db: Kysely<Database>, hash: string): Promise<boolean> {
  if (hash === GENESIS_HASH) return true;
  const row = await db.selectFrom("audit_event").select("id").where("hash", "=", hash).executeTakeFirst();
  return row !== undefined;
}
