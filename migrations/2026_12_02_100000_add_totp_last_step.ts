import type { Kysely } from "kysely";

/**
 * The last TOTP time step accepted for each person: a code is accepted only for a
 * step strictly after it, so a code seen once (shoulder, proxy log) cannot be replayed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("app_user").addColumn("totp_last_step", "bigint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("app_user").dropColumn("totp_last_step").execute();
}
