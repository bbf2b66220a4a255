import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../db/database.js";

/**
 * The one definition of a current mandate, used by every query that asks "who may act for
 * which organisation now": started, and not ended (an end in the future is still current).
 * `alias` is the mandate table's name or alias in the query.
 */
export function mandateIsCurrent(alias = "m"): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column("starts_at")} <= now() and (${column("ends_at")} is null or ${column("ends_at")} > now()))`;
}

/**
 * The mandate that lets this person act now (for this organisation, or as this mandate), held
 * by an active account; `lock` keeps it from ending until the caller's transaction does.
 */
export async function findActingMandate(
  db: Kysely<Database>,
  who: { userId: string; organisationId?: string; mandateId?: string; lock?: boolean },
): Promise<{ id: string; organisationId: string } | undefined> {
  let query = db
    .selectFrom("mandate as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["m.id", "m.organisation_id as organisationId"])
    .where("m.user_id", "=", who.userId)
    .where("u.status", "=", "active")
    .where(mandateIsCurrent("m"));
  if (who.organisationId) query = query.where("m.organisation_id", "=", who.organisationId);
  if (who.mandateId) query = query.where("m.id", "=", who.mandateId);
  return (who.lock ? query.forShare() : query).executeTakeFirst();
}

/** The organisations a person represents now (a moderator may also be a representative). */
export async function currentOrganisationIds(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("mandate as m")
    .select("m.organisation_id")
    .where("m.user_id", "=", userId)
    .where(mandateIsCurrent("m"))
    .execute();
  return rows.map((row) => row.organisation_id);
}
