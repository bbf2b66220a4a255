import { generateHOTP, generateTOTP } from "@oslojs/otp";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { hashPassword } from "../src/auth/password.js";
import { generateTotpKey } from "../src/auth/totp.js";
import type { Database } from "../src/db/database.js";
import type { Role } from "../src/domain/people.js";

export const DEFAULT_PASSWORD = "une phrase de passe solide";
let defaultHash: Promise<string> | undefined;
let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  totpKey?: Uint8Array;
  organisationId?: string;
}

/** A person in one line: role, optional mandate (organisation slug) and optional TOTP. */
export async function createUser(
  db: Kysely<Database>,
  options: { role?: Role; organisation?: string; totp?: boolean; email?: string; name?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const role = options.role ?? "representative";
  const email = options.email ?? `personne${counter}-${Date.now()}@exemple.fr`;
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  const totpKey = options.totp ? generateTotpKey() : undefined;
  const user = await db
    .insertInto("app_user")
    .values({
      email,
      display_name: options.name ?? `Personne ${counter}`,
      role,
      password_hash: await defaultHash,
      totp_key: totpKey ?? null,
      totp_enabled_at: totpKey ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const organisationId = options.organisation ? await giveMandate(db, user.id, options.organisation) : undefined;
  return { id: user.id, email, password: DEFAULT_PASSWORD, role, totpKey, organisationId };
}

export async function giveMandate(db: Kysely<Database>, userId: string, organisationSlug: string): Promise<string> {
  const organisation = await db
    .selectFrom("organisation")
    .select("id")
    .where("slug", "=", organisationSlug)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("mandate")
    .values({ user_id: userId, organisation_id: organisation.id, starts_at: sql`now() - interval '1 day'` })
    .execute();
  return organisation.id;
}

export function currentTotp(key: Uint8Array): string {
  return generateTOTP(key, 30, 6);
}

const lastStepHandedOut = new WeakMap<Uint8Array, bigint>();

/**
 * A code the server has not seen yet for this key: codes are single-use per time
 * step, so successive sign-ins of one person get ascending steps within the
 * accepted window (now-1 … now+1) instead of waiting for the clock. Throws once
 * the window is used up (more than three sign-ins in 30 s: create a session instead).
 */
export function unspentTotp(key: Uint8Array): string {
  const nowMs = Date.now();
  const now = BigInt(Math.floor(nowMs / 30_000));
  // Close to a step's end, now-1 could expire before the server checks it.
  const earliest = nowMs % 30_000 > 28_000 ? now : now - 1n;
  const last = lastStepHandedOut.get(key);
  const step = last !== undefined && last + 1n > earliest ? last + 1n : earliest;
  if (step > now + 1n) throw new Error("three TOTP codes already used in this window: create the session directly");
  lastStepHandedOut.set(key, step);
  return generateHOTP(key, step, 6);
}
