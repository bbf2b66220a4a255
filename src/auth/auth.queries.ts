import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import { mandateIsCurrent } from "../mandates/mandates.queries.js";

/** People with their current mandate (started, not ended) and its organisation, if any. */
export function selectPeopleWithCurrentMandate(db: Kysely<Database>) {
  return db
    .selectFrom("app_user as u")
    .leftJoin("mandate as m", (join) => join.onRef("m.user_id", "=", "u.id").on(mandateIsCurrent("m")))
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .select([
      "u.id",
      "u.email",
      "u.display_name as displayName",
      "u.role",
      "u.status",
      "u.totp_enabled_at as totpEnabledAt",
      "m.id as mandateId",
      "o.id as organisationId",
      "o.slug as organisationSlug",
      "o.name as organisationName",
    ]);
}

/** The signed-in person with their current mandate, if any. */
export function findUserWithMandate(db: Kysely<Database>, userId: string) {
  return selectPeopleWithCurrentMandate(db).where("u.id", "=", userId).executeTakeFirst();
}

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("app_user").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertSession(
  db: Kysely<Database>,
  values: {
    id: string;
    secretHash: Uint8Array;
    userId: string;
    expiresAt: Date;
    twoFactorVerified: boolean;
    ip: string;
    userAgent: string;
  },
): Promise<void> {
  await db
    .insertInto("user_session")
    .values({
      id: values.id,
      secret_hash: values.secretHash,
      user_id: values.userId,
      expires_at: values.expiresAt,
      two_factor_verified: values.twoFactorVerified,
      ip: values.ip,
      user_agent: values.userAgent,
    })
    .execute();
}

export function findSessionById(db: Kysely<Database>, id: string) {
  return db.selectFrom("user_session").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("user_session").set({ last_seen_at: sql`now()` }).where("id", "=", id).execute();
}

export async function markSessionTwoFactorVerified(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("user_session").set({ two_factor_verified: true }).where("id", "=", id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("user_session").where("id", "=", id).execute();
}

/** Ends every session of a person, except optionally the one in use. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string, exceptId?: string): Promise<number> {
  let query = db.deleteFrom("user_session").where("user_id", "=", userId);
  if (exceptId) query = query.where("id", "<>", exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listUserSessions(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("user_session")
    .select(["id", "created_at as createdAt", "last_seen_at as lastSeenAt", "ip", "user_agent as userAgent"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", sql<Date>`now()`)
    .orderBy("last_seen_at", "desc")
    .execute();
}

/**
 * Records a TOTP step as spent, only if it is later than the last one: a conditional
 * UPDATE, so of two concurrent requests (on any instance) with the same code one wins.
 */
export async function spendTotpStep(db: Kysely<Database>, userId: string, step: bigint): Promise<boolean> {
  const result = await db
    .updateTable("app_user")
    .set({ totp_last_step: step.toString() })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step.toString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sessions past their absolute expiry or idle longer than allowed: they can never be used again. */
export async function deleteEndedSessions(db: Kysely<Database>, inactivityMs: number): Promise<number> {
  const result = await db
    .deleteFrom("user_session")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", sql<Date>`now()`),
        eb("last_seen_at", "<=", sql<Date>`now() - ${`${inactivityMs} milliseconds`}::interval`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
