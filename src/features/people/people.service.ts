import { type Kysely, sql } from "kysely";
import { deleteUserSessions } from "../../auth/auth.queries.js";
import type { Database } from "../../db/database.js";
import { DomainError } from "../../domain/errors.js";
import { sameId } from "../../domain/ids.js";
import { recordAdminAction } from "../admin/index.js";

/** Suspension ends every session at once; the person cannot sign in until reinstated. */
export async function suspendPerson(db: Kysely<Database>, actorId: string, userId: string, reason: string) {
  if (sameId(actorId, userId)) throw new DomainError("people.self_suspension");
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("app_user")
      .set({ status: "suspended", updated_at: sql`now()` })
      .where("id", "=", userId)
      .where("status", "=", "active")
      .returning("id")
      .executeTakeFirst();
    if (!row) throw new DomainError("people.not_active");
    const ended = await deleteUserSessions(trx, userId);
    await recordAdminAction(trx, {
      actorId,
      action: "person.suspend",
      targetType: "app_user",
      targetId: userId,
      details: { reason, endedSessions: ended },
    });
  });
}

export async function reinstatePerson(db: Kysely<Database>, actorId: string, userId: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("app_user")
      .set({ status: "active", updated_at: sql`now()` })
      .where("id", "=", userId)
      .where("status", "=", "suspended")
      .returning("id")
      .executeTakeFirst();
    if (!row) throw new DomainError("people.not_suspended");
    await recordAdminAction(trx, { actorId, action: "person.reinstate", targetType: "app_user", targetId: userId });
  });
}

/** Ending a mandate takes effect immediately: the person can no longer act for the organisation. */
export async function endMandate(db: Kysely<Database>, actorId: string, mandateId: string, reason: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("mandate")
      .set({ ends_at: sql`greatest(now(), starts_at)` })
      .where("id", "=", mandateId)
      // Not yet ended, whether it has started or not: a mandate planned for tomorrow can be cancelled too.
      .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", sql<Date>`now()`)]))
      .returning(["id", "user_id", "organisation_id"])
      .executeTakeFirst();
    if (!row) throw new DomainError("people.mandate_closed");
    await recordAdminAction(trx, {
      actorId,
      action: "mandate.end",
      targetType: "mandate",
      targetId: mandateId,
      details: { reason, userId: row.user_id, organisationId: row.organisation_id },
    });
  });
}
