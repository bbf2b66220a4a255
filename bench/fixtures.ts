import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { hashPassword } from "../src/auth/password.js";
import { createSession } from "../src/auth/session.js";
import type { Database } from "../src/db/database.js";

const LIFETIMES = { sessionInactivityMs: 86_400_000, sessionAbsoluteMs: 86_400_000 };

/** `count` extra representatives spread over the organisations (the comment rate limit is per person). */
export async function createBenchRepresentatives(db: Kysely<Database>, count: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with hash as (select password_hash from app_user where is_demo limit 1),
    people as (
      insert into app_user (email, display_name, role, password_hash, is_demo)
      select 'banc' || g || '@demo.concertation.localhost', 'Banc d''essai ' || g, 'representative', hash.password_hash, true
      from generate_series(1, ${count}) g, hash
      returning id
    ), numbered as (select id, row_number() over (order by id) as n from people),
    orgs as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from organisation)
    insert into mandate (user_id, organisation_id, note)
    select p.id, o.id, 'banc d''essai' from numbered p join orgs o on o.n = p.n % o.total
    returning user_id as id`.execute(db);
  return rows.map((row) => row.id);
}

/** Session cookies opened directly (Lucia design), so the load does not start with thousands of argon2 checks. */
export async function sessionCookies(db: Kysely<Database>, userIds: string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (const userId of userIds) {
    const { token } = await createSession(
      db,
      userId,
      { twoFactorVerified: true, ip: "127.0.0.1", userAgent: "bench" },
      LIFETIMES,
    );
    cookies.push(`session=${token}`);
  }
  return cookies;
}

export async function representativeIds(db: Kysely<Database>, emailLike: string): Promise<string[]> {
  const rows = await db
    .selectFrom("app_user as u")
    .innerJoin("mandate as m", "m.user_id", "u.id")
    .select("u.id")
    .where("u.email", "like", emailLike)
    .where("m.ends_at", "is", null)
    .orderBy("u.id")
    .execute();
  return rows.map((row) => row.id);
}

/** Gives every account a password nobody knows (the bench uses sessions, never passwords). */
export async function closeDemoPasswords(db: Kysely<Database>): Promise<void> {
  const unknown = await hashPassword(randomBytes(24).toString("base64url"));
  await db.updateTable("app_user").set({ password_hash: unknown }).execute();
}
