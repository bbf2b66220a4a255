import type { Kysely } from "kysely";
import { selectPeopleWithCurrentMandate } from "../../auth/auth.queries.js";
import type { Database } from "../../db/database.js";

/** Everyone with an account, with their current mandate if any. */
export function listPeople(db: Kysely<Database>) {
  return selectPeopleWithCurrentMandate(db).orderBy("o.name").orderBy("u.display_name").execute();
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
