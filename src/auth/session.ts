import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Config } from "../platform/config.js";
import { deleteSession, findSessionById, insertSession, touchSession } from "./auth.queries.js";
import { generateRandomToken, hashToken, tokenMatchesHash } from "./tokens.js";

/**
 * Sessions as in lucia-auth.com's guide: the cookie holds `<id>.<secret>`; the
 * database holds the id and SHA-256(secret), compared in constant time. A session
 * ends after inactivity or at its absolute expiry, whichever comes first.
 */
export interface SessionRecord {
  id: string;
  userId: string;
  expiresAt: Date;
  twoFactorVerified: boolean;
}

type SessionLifetimes = Pick<Config, "sessionInactivityMs" | "sessionAbsoluteMs">;

const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  context: { twoFactorVerified: boolean; ip: string; userAgent: string },
  lifetimes: SessionLifetimes,
): Promise<{ token: string; session: SessionRecord }> {
  const id = generateRandomToken();
  const secret = generateRandomToken();
  const expiresAt = new Date(Date.now() + lifetimes.sessionAbsoluteMs);
  await insertSession(db, {
    id,
    secretHash: hashToken(secret),
    userId,
    expiresAt,
    twoFactorVerified: context.twoFactorVerified,
    ip: context.ip.slice(0, 64),
    userAgent: context.userAgent.slice(0, 300),
  });
  return { token: `${id}.${secret}`, session: { id, userId, expiresAt, twoFactorVerified: context.twoFactorVerified } };
}

export async function validateSessionToken(
  db: Kysely<Database>,
  token: string,
  lifetimes: SessionLifetimes,
): Promise<SessionRecord | undefined> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return undefined;
  const row = await findSessionById(db, id);
  if (!row || !tokenMatchesHash(secret, row.secret_hash)) return undefined;
  const now = Date.now();
  const idleSince = now - row.last_seen_at.getTime();
  if (row.expires_at.getTime() <= now || idleSince >= lifetimes.sessionInactivityMs) {
    await deleteSession(db, id);
    return undefined;
  }
  if (idleSince > TOUCH_EVERY_MS) await touchSession(db, id);
  return { id, userId: row.user_id, expiresAt: row.expires_at, twoFactorVerified: row.two_factor_verified };
}
