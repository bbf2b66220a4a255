import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

/** Everyone with an account, with their current mandate if any. */
export function listPeople(db: Kysely<Database>) {
  return db
    .selectFrom("app_user as u")
    .leftJoin("mandate as m", (join) =>
      join
        .onRef("m.user_id", "=", "u.id")
        .on("m.starts_at", "<=", sql<Date>`now()`)
        .on((eb) => eb.or([eb("m.ends_at", "is", null), eb("m.ends_at", ">", sql<Date>`now()`)])),
    )
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .select([
      "u.id",
      "u.email",
      "u.display_name as displayName",
      "u.role",
      "u.status",
      "u.totp_enabled_at as totpEnabledAt",
      "m.id as mandateId",
      "o.name as organisationName",
    ])
    .orderBy("o.name")
    .orderBy("u.display_name")
    .execute();
}

export function listPendingInvitations(db: Kysely<Database>) {
  return db
    .selectFrom("invitation as i")
    .leftJoin("organisation as o", "o.id", "i.organisation_id")
    .select([
      "i.id",
      "i.email",
      "i.role",
      "i.expires_at as expiresAt",
      "i.created_at as createdAt",
      "o.name as organisationName",
    ])
    .where("i.accepted_at", "is", null)
    .where("i.revoked_at", "is", null)
    .orderBy("i.created_at", "desc")
    .execute();
}

export function listOrganisationChoices(db: Kysely<Database>) {
  return db.selectFrom("organisation").select(["id", "name"]).orderBy("name").execute();
}
