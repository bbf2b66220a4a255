import { generateTOTP } from "@oslojs/otp";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { hashPassword } from "../src/auth/password.js";
import { generateTotpKey } from "../src/auth/totp.js";
import type { Database, Role } from "../src/db/database.js";

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
