import { type Kysely, sql } from "kysely";

/**
 * The journal's signed checkpoints (head hash, length, time, Ed25519 signature). Insert-only
 * like the journal itself: the application never rewrites a checkpoint it has published. The
 * signing key is not here; the rows only let the site list what it has already signed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_checkpoint")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("chain_length", "bigint", (col) => col.notNull().check(sql`chain_length > 0`))
    .addColumn("head_hash", "text", (col) => col.notNull().check(sql`head_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn("signed_at", "timestamptz", (col) => col.notNull())
    .addColumn("signature", "text", (col) => col.notNull())
    .addColumn("key_fingerprint", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull().check(sql`reason in ('receipt', 'vote_close', 'periodic')`))
    .execute();
  await db.schema
    .createIndex("audit_checkpoint_length_idx")
    .on("audit_checkpoint")
    .columns(["chain_length", "id"])
    .execute();
  await sql`create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
            for each row execute function forbid_changes()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_checkpoint").execute();
}
