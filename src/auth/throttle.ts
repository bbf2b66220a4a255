import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import { THROTTLE_MAX_DELAY_MS, THROTTLE_QUIET_RESET_HOURS } from "../domain/retention.js";

/**
 * Failed sign-ins counted in Postgres (shared by every instance), per account and
 * per IP. After a few free failures each new one imposes a growing wait (30 s,
 * 1 min, 2 min … at most 15 min). Never a permanent lockout; a quiet day resets.
 */
export interface ThrottlePolicy {
  freeFailures: number;
}

/** Failures on one account from one IP: the attacker's own address slows down fast. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 4 };
/**
 * Failures on one account from every IP, each IP contributing at most
 * MAX_ACCOUNT_FAILURES_PER_IP: one address cannot block the owner elsewhere, yet a
 * distributed attack (about ten addresses or more) still meets growing waits.
 */
export const ACCOUNT_WIDE_POLICY: ThrottlePolicy = { freeFailures: 50 };
export const MAX_ACCOUNT_FAILURES_PER_IP = ACCOUNT_POLICY.freeFailures + 1;
export const IP_POLICY: ThrottlePolicy = { freeFailures: 20 };
/** Reset requests from one address, known account or not (each request counts). */
export const RESET_IP_POLICY: ThrottlePolicy = { freeFailures: 10 };

const BASE_DELAY_MS = 30_000;

export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  const excess = failures - policy.freeFailures;
  return excess <= 0 ? 0 : Math.min(BASE_DELAY_MS * 2 ** (excess - 1), THROTTLE_MAX_DELAY_MS);
}

/** Seconds to wait before another attempt may be made under any of these keys (0 = go ahead). */
export async function secondsToWait(db: Kysely<Database>, keys: string[]): Promise<number> {
  const row = await db
    .selectFrom("auth_throttle")
    .select(sql<number>`ceil(extract(epoch from max(blocked_until) - now()))`.as("seconds"))
    .where("key", "in", keys)
    .where("blocked_until", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return Math.max(0, Number(row?.seconds ?? 0));
}

/** Counts one failure under the key and returns the count (within the last quiet day). */
export async function recordFailure(db: Kysely<Database>, key: string, policy: ThrottlePolicy): Promise<number> {
  const { failures } = await db
    .insertInto("auth_throttle")
    .values({ key, failures: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql`case when auth_throttle.last_failure_at < now() - make_interval(hours => ${THROTTLE_QUIET_RESET_HOURS}) then 1
                           else auth_throttle.failures + 1 end`,
        last_failure_at: sql`now()`,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  const delayMs = delayAfter(failures, policy);
  if (delayMs > 0) {
    await db
      .updateTable("auth_throttle")
      .set({ blocked_until: sql`now() + ${`${delayMs} milliseconds`}::interval` })
      .where("key", "=", key)
      .execute();
  }
  return failures;
}

/**
 * Counters quiet for THROTTLE_QUIET_RESET_HOURS, with no wait still running: the next failure
 * would count from one anyway, so the row (an address and an IP) is deleted.
 */
export async function deleteQuietThrottles(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom("auth_throttle")
    .where("last_failure_at", "<", sql<Date>`now() - make_interval(hours => ${THROTTLE_QUIET_RESET_HOURS})`)
    .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<=", sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("auth_throttle").where("key", "=", key).execute();
}

export const accountKey = (email: string) => `compte:${email.trim().toLowerCase()}`;
export const accountFromIpKey = (email: string, ip: string) => `${accountKey(email)}|ip:${ip}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const resetIpKey = (ip: string) => `reinitialisation-ip:${ip}`;
