import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import { DomainError } from "../domain/errors.js";
import type { LinkState } from "../domain/links.js";
import { PASSWORD_RESET_LIFETIME_MS } from "../domain/retention.js";
import { queueEmail, recentEmailCount } from "../features/email/index.js";
import type { Config } from "../platform/config.js";
import { deleteUserSessions, findUserByEmail, markSessionTwoFactorVerified, spendTotpStep } from "./auth.queries.js";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.js";
import { createSession } from "./session.js";
import {
  ACCOUNT_POLICY,
  ACCOUNT_WIDE_POLICY,
  accountFromIpKey,
  accountKey,
  clearFailures,
  IP_POLICY,
  ipKey,
  MAX_ACCOUNT_FAILURES_PER_IP,
  RESET_IP_POLICY,
  recordFailure,
  resetIpKey,
  secondsToWait,
} from "./throttle.js";

import { generateRandomToken, hashToken } from "./tokens.js";
import { hashRecoveryCode, totpStepOf } from "./totp.js";

type Lifetimes = Pick<Config, "sessionInactivityMs" | "sessionAbsoluteMs">;

/** Too many failures from here: try again in `waitSeconds`. */
const throttled = (waitSeconds: number) => new DomainError("auth.throttled", { params: { waitSeconds } });

/**
 * Checks the password and opens a new session (rotation: a fresh id at every
 * sign-in). Unknown email and wrong password fail the same way, in about the same time.
 */
export async function signIn(
  db: Kysely<Database>,
  input: { email: string; password: string; ip: string; userAgent: string },
  lifetimes: Lifetimes,
): Promise<{ token: string; expiresAt: Date; needsSecondFactor: boolean } | undefined> {
  const keys = signInThrottleKeys(input.email, input.ip);
  const wait = await secondsToWait(db, Object.values(keys));
  if (wait > 0) throw throttled(wait);
  const user = await findUserByEmail(db, input.email);
  const valid = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid || user.status !== "active") {
    await recordSignInFailure(db, keys);
    return undefined;
  }
  await clearFailures(db, keys.accountFromIp);
  await clearFailures(db, keys.account);
  const needsSecondFactor = user.totp_enabled_at !== null;
  const { token, session } = await createSession(
    db,
    user.id,
    { twoFactorVerified: !needsSecondFactor, ip: input.ip, userAgent: input.userAgent },
    lifetimes,
  );
  return { token, expiresAt: session.expiresAt, needsSecondFactor };
}

const signInThrottleKeys = (email: string, ip: string) => ({
  accountFromIp: accountFromIpKey(email, ip),
  account: accountKey(email),
  ip: ipKey(ip),
});

/** See ACCOUNT_WIDE_POLICY: an address's failures beyond its own allowance no longer count account-wide. */
async function recordSignInFailure(db: Kysely<Database>, keys: ReturnType<typeof signInThrottleKeys>) {
  const fromThisIp = await recordFailure(db, keys.accountFromIp, ACCOUNT_POLICY);
  if (fromThisIp <= MAX_ACCOUNT_FAILURES_PER_IP) await recordFailure(db, keys.account, ACCOUNT_WIDE_POLICY);
  await recordFailure(db, keys.ip, IP_POLICY);
}

/** A TOTP code, or a recovery code (used once). Throttled like passwords. */
export async function verifySecondFactor(
  db: Kysely<Database>,
  input: { userId: string; sessionId: string; code: string; ip: string },
): Promise<boolean> {
  const key = `2fa:${input.userId}`;
  const wait = await secondsToWait(db, [key, ipKey(input.ip)]);
  if (wait > 0) throw throttled(wait);
  const user = await db.selectFrom("app_user").select("totp_key").where("id", "=", input.userId).executeTakeFirst();
  const valid =
    (user?.totp_key ? await useTotpCode(db, input.userId, user.totp_key, input.code) : false) ||
    (await useRecoveryCode(db, input.userId, input.code));
  if (!valid) {
    await recordFailure(db, key, ACCOUNT_POLICY);
    return false;
  }
  await clearFailures(db, key);
  await markSessionTwoFactorVerified(db, input.sessionId);
  return true;
}

/** A code of a step not yet spent by this person (replays within the window fail). */
async function useTotpCode(db: Kysely<Database>, userId: string, key: Uint8Array, code: string): Promise<boolean> {
  const step = totpStepOf(key, code);
  return step !== undefined && (await spendTotpStep(db, userId, step));
}

async function useRecoveryCode(db: Kysely<Database>, userId: string, code: string): Promise<boolean> {
  if (code.trim().length < 12) return false;
  const used = await db
    .updateTable("recovery_code")
    .set({ used_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashRecoveryCode(code))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

const HOUR_MS = 60 * 60 * 1000;
const RESET_EMAILS_PER_HOUR = 3;

/**
 * Same outcome whether or not the address has an account, and whether or not a limit
 * applies: at most 3 emails an hour per address, and from one IP a few requests
 * before growing waits (so nobody sprays the form to flood inboxes or probe addresses).
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  input: { email: string; ip: string },
  publicOrigin: string,
): Promise<void> {
  // Counted before the check: requests made while waiting lengthen the wait.
  const ipThrottle = resetIpKey(input.ip);
  await recordFailure(db, ipThrottle, RESET_IP_POLICY);
  if ((await secondsToWait(db, [ipThrottle])) > 0) return;
  const user = await findUserByEmail(db, input.email);
  if (user?.status !== "active") return;
  if (
    (await recentEmailCount(db, { to: user.email, kind: "password-reset", windowMs: HOUR_MS })) >= RESET_EMAILS_PER_HOUR
  )
    return;
  const token = generateRandomToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("password_reset")
      .values({
        user_id: user.id,
        token_hash: hashToken(token),
        expires_at: new Date(Date.now() + PASSWORD_RESET_LIFETIME_MS),
      })
      .execute();
    await queueEmail(trx, {
      kind: "password-reset",
      to: user.email,
      template: {
        name: "password_reset",
        params: { name: user.display_name, link: `${publicOrigin}/mot-de-passe/nouveau/${token}` },
      },
    });
  });
}

export async function passwordResetState(db: Kysely<Database>, token: string): Promise<LinkState> {
  const row = await db
    .selectFrom("password_reset")
    .select(["expires_at", "used_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return "unknown";
  if (row.used_at) return "used";
  return row.expires_at.getTime() <= Date.now() ? "expired" : "valid";
}

/** Sets the new password, spends the link and ends every session of the account. */
export async function resetPassword(db: Kysely<Database>, token: string, password: string): Promise<LinkState> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("password_reset")
      .set({ used_at: sql`now()` })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .returning("user_id")
      .executeTakeFirst();
    if (!row) return passwordResetState(trx, token);
    await setPassword(trx, row.user_id, password);
    return "valid";
  });
}

export async function setPassword(db: Kysely<Database>, userId: string, password: string, keepSessionId?: string) {
  await db
    .updateTable("app_user")
    .set({ password_hash: await hashPassword(password), password_changed_at: sql`now()`, updated_at: sql`now()` })
    .where("id", "=", userId)
    .execute();
  await deleteUserSessions(db, userId, keepSessionId);
}
