import { type Kysely, sql } from "kysely";
import { deleteUserSessions, findUserById } from "../../auth/auth.queries.js";
import { setPassword } from "../../auth/auth.service.js";
import { verifyPassword } from "../../auth/password.js";
import { generateRecoveryCodes, hashRecoveryCode, totpStepOf } from "../../auth/totp.js";
import type { Database } from "../../db/database.js";
import { DomainError } from "../../domain/errors.js";

/** Checks the current password, sets the new one and ends every other session. */
export async function changePassword(
  db: Kysely<Database>,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<"changed" | "wrong-password"> {
  const user = await findUserById(db, input.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) return "wrong-password";
  await db.transaction().execute((trx) => setPassword(trx, input.userId, input.newPassword, input.sessionId));
  return "changed";
}

/** A person may end only their own sessions: the user id is part of the condition. */
export async function endOwnSession(db: Kysely<Database>, userId: string, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("user_session")
    .where("id", "=", sessionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Switches TOTP on once a code proves the app has the key; returns the recovery codes to show once. */
export async function enableTwoFactor(
  db: Kysely<Database>,
  input: { userId: string; sessionId: string; key: Uint8Array; code: string },
): Promise<string[] | undefined> {
  const step = totpStepOf(input.key, input.code);
  if (step === undefined) return undefined;
  const codes = generateRecoveryCodes();
  const enabled = await db.transaction().execute(async (trx) => {
    // The confirmation marks the session as verified, so its code is spent like a sign-in code.
    const updated = await trx
      .updateTable("app_user")
      .set({
        totp_key: input.key,
        totp_enabled_at: sql`now()`,
        totp_last_step: step.toString(),
        updated_at: sql`now()`,
      })
      .where("id", "=", input.userId)
      .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step.toString())]))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom("recovery_code").where("user_id", "=", input.userId).execute();
    await trx
      .insertInto("recovery_code")
      .values(codes.map((code) => ({ user_id: input.userId, code_hash: hashRecoveryCode(code) })))
      .execute();
    await trx
      .updateTable("user_session")
      .set({ two_factor_verified: true })
      .where("id", "=", input.sessionId)
      .execute();
    await deleteUserSessions(trx, input.userId, input.sessionId);
    return true;
  });
  return enabled ? codes : undefined;
}

/** Representatives may switch it off (with their password); staff may not, it is required for them. */
export async function disableTwoFactor(
  db: Kysely<Database>,
  input: { userId: string; password: string; staff: boolean },
): Promise<"disabled" | "wrong-password"> {
  if (input.staff) {
    throw new DomainError("account.two_factor_required");
  }
  const user = await findUserById(db, input.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.password))) return "wrong-password";
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ totp_key: null, totp_enabled_at: null, updated_at: sql`now()` })
      .where("id", "=", input.userId)
      .execute();
    await trx.deleteFrom("recovery_code").where("user_id", "=", input.userId).execute();
  });
  return "disabled";
}
