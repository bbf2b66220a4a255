import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

export interface AdminActionInput {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

/** Who did what to what, and when: written in the same transaction as the action itself. */
export async function recordAdminAction(db: Kysely<Database>, input: AdminActionInput): Promise<void> {
  await db
    .insertInto("admin_action")
    .values({
      actor_id: input.actorId,
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId,
      details: JSON.stringify(input.details ?? {}),
    })
    .execute();
}

export function listAdminActions(db: Kysely<Database>, limit = 100) {
  return db
    .selectFrom("admin_action as a")
    .leftJoin("app_user as u", "u.id", "a.actor_id")
    .select([
      "a.id",
      "a.action",
      "a.target_type as targetType",
      "a.target_id as targetId",
      "a.details",
      "a.created_at as createdAt",
      "u.display_name as actorName",
    ])
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}
