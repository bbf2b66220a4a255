import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { hashPassword } from "../../src/auth/password.js";
import { generateRandomToken, hashToken } from "../../src/auth/tokens.js";
import type { Database } from "../../src/db/database.js";
import { buildChainExport } from "../../src/features/ballots/results/export.service.js";
import { verifyExport } from "../../src/features/ballots/results/verify.js";
import { createTestApp, TEST_ORIGIN } from "../helpers/app.js";
import { testCheckpointKey } from "../helpers/checkpoints.js";
import { test as base } from "../helpers/context.js";
import { listen } from "../helpers/http-server.js";
import { closeVoteNow, firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PER_ORGANISATION = 10;
const CHOICES = ["pour", "contre", "abstention"] as const;

let folder: string;

/** 350 representatives in three statements: the password is hashed once, sessions are made directly. */
async function createRepresentatives(db: Kysely<Database>): Promise<{ token: string; organisationId: string }[]> {
  const organisations = await db.selectFrom("organisation").select("id").orderBy("id").execute();
  const hash = await hashPassword("une phrase de passe solide");
  const count = organisations.length * PER_ORGANISATION;
  const users = await sql<{ id: string; n: number }>`
    insert into app_user (email, display_name, role, password_hash)
    select 'charge' || g || '@exemple.fr', 'Représentant ' || g, 'representative', ${hash}
    from generate_series(1, ${count}) g
    returning id, (regexp_match(email, '[0-9]+'))[1]::int as n`.execute(db);
  const people = users.rows.map((u) => ({
    ...u,
    organisationId: organisations[(u.n - 1) % organisations.length]?.id ?? "",
  }));
  await db
    .insertInto("mandate")
    .values(
      people.map((p) => ({
        user_id: p.id,
        organisation_id: p.organisationId,
        starts_at: sql`now() - interval '1 day'`,
      })),
    )
    .execute();
  const sessions = people.map((p) => ({ ...p, sessionId: generateRandomToken(), secret: generateRandomToken() }));
  await db
    .insertInto("user_session")
    .values(
      sessions.map((s) => ({
        id: s.sessionId,
        secret_hash: hashToken(s.secret),
        user_id: s.id,
        expires_at: new Date(Date.now() + 3_600_000),
      })),
    )
    .execute();
  return sessions.map((s) => ({ token: `${s.sessionId}.${s.secret}`, organisationId: s.organisationId }));
}

function castAs(app: Hono<any>, slug: string, token: string, choice: string) {
  return app.request(`/propositions/${slug}/vote`, {
    method: "POST",
    body: new URLSearchParams({ choix: choice, motivation: `Motif ${choice}` }),
    headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded", Cookie: `session=${token}` },
  });
}

/** Runs `npm run verify -- <file>` as a person would (tsx, separate process). */
function runVerify(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/verify.ts", file], { cwd: ROOT });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function exportToFile(db: Kysely<Database>, name: string): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, JSON.stringify(await buildChainExport(db, testCheckpointKey)));
  return file;
}

/**
 * The app under test gets the pool size of one production instance (DB_POOL_SIZE=10) but waits
 * for a free connection as long as needed: 350 requests at once on one instance queue for
 * connections, and this test is about what the database ends up holding, not about load shedding.
 */
function burstDatabase(url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 60_000,
    statement_timeout: 30_000,
  });
  // As in src/db/client.ts: an idle connection that ends (the test's database dropped while the
  // pool winds down) is reported on the pool, never thrown at the process.
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The first proposal's vote, open (the app runs over a burst-sized pool: see the describe). */
const test = base.extend<{ slug: string }>({
  slug: async ({ db }, use) => {
    const [slug = ""] = await firstProposalSlugs(db);
    await openVoteNow(db, slug);
    await use(slug);
  },
});

/** 350 representatives, 10 per organisation, vote at once; every request succeeds. */
async function burst(db: Kysely<Database>, app: Hono<any>, slug: string): Promise<number> {
  const representatives = await createRepresentatives(db);
  const started = performance.now();
  const responses = await Promise.all(
    representatives.map((r, i) => castAs(app, slug, r.token, CHOICES[i % 3] ?? "pour")),
  );
  const elapsedMs = Math.round(performance.now() - started);
  expect(responses.map((r) => r.status)).toEqual(representatives.map(() => 303));
  return elapsedMs;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "concertation-verify-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("350 concurrent ballots", () => {
  test.override("testApp", async ({ database }, { onCleanup }) => {
    const burstDb = burstDatabase(database.url);
    onCleanup(() => burstDb.destroy());
    return createTestApp(burstDb);
  });

  test("keeps one current ballot per organisation, a linear chain and a tally equal to the ballots", async ({
    slug,
    db,
    app,
  }) => {
    const elapsedMs = await burst(db, app, slug);
    process.stdout.write(`[ballots] 350 bulletins concurrents en ${elapsedMs} ms\n`);

    const { rows: perOrganisation } = await sql<{ count: string }>`
      select count(*) from ballot group by organisation_id`.execute(db);
    expect(perOrganisation).toHaveLength(35);
    expect(perOrganisation.every((row) => Number(row.count) === 1)).toBe(true);
    const { rows: actions } = await sql<{ action: string; count: string }>`
      select action, count(*) from ballot_event group by action order by action`.execute(db);
    // Identical resubmits record nothing (issue 16): events are exactly the real changes.
    expect(actions.find((a) => a.action === "cast")?.count).toBe("35");
    const { rows: repeats } = await sql<{ count: string }>`
      select count(*) from (
        select choice, reason, lag(choice) over w as prev_choice, lag(reason) over w as prev_reason
        from ballot_event window w as (partition by organisation_id order by id)) e
      where e.choice = e.prev_choice and e.reason = e.prev_reason`.execute(db);
    expect(Number(repeats[0]?.count)).toBe(0);
    const eventCount = actions.reduce((sum, a) => sum + Number(a.count), 0);
    const { rows: links } = await sql<{ broken: string }>`
      select count(*) as broken from audit_event e
      where e.prev_hash <> coalesce((select p.hash from audit_event p where p.id < e.id order by p.id desc limit 1), repeat('0', 64))`.execute(
      db,
    );
    expect(Number(links[0]?.broken)).toBe(0);

    await closeVoteNow(db, slug);
    const result = await db
      .selectFrom("audit_event")
      .select("payload")
      .where("kind", "=", "result")
      .executeTakeFirstOrThrow();
    const { rows: tally } = await sql<{ choice: string; count: string }>`
      select choice, count(*) from ballot group by choice`.execute(db);
    const counted = Object.fromEntries(tally.map((t) => [t.choice, Number(t.count)]));
    expect(result.payload.tally).toEqual({ pour: 0, contre: 0, abstention: 0, ...counted, cast: 35 });

    const verified = await runVerify(await exportToFile(db, "chaine.json"));
    expect(verified.output).toContain(`OK : ${eventCount + 3} événements chaînés, 1 résultat(s) recalculé(s)`);
    expect(verified.code).toBe(0);
    const server = await listen(db);
    try {
      const overHttp = await runVerify(`${server.origin}/`);
      expect(overHttp.output).toContain(`OK : ${eventCount + 3} événements`);
    } finally {
      await server.close();
    }
  }, 90_000); // 350 HTTP requests: generous on a loaded 2-core CI machine

  test("detects rows changed directly in SQL and names the bad event", async ({ slug, db, app }) => {
    // The state the first test leaves: 350 ballots cast at once, then the vote closed.
    await burst(db, app, slug);
    await closeVoteNow(db, slug);
    const target = await db
      .selectFrom("ballot as b")
      .innerJoin("organisation as o", "o.id", "b.organisation_id")
      .select(["b.id", "b.choice", "o.slug"])
      .orderBy("b.id")
      .executeTakeFirstOrThrow();
    const other = target.choice === "pour" ? "contre" : "pour";
    await sql`update ballot set choice = ${other} where id = ${target.id}`.execute(db);
    const ballotEdit = await runVerify(await exportToFile(db, "bulletin-modifie.json"));
    expect(ballotEdit.code).toBe(1);
    const { rows: carrying } = await sql<{ id: string }>`
      select e.id from audit_event e join ballot b on (e.payload->>'ballotEvent')::bigint = b.last_event_id
      where b.id = ${target.id}`.execute(db);
    expect(ballotEdit.output).toContain(`le bulletin de ${target.slug} diffère de l'événement n°${carrying[0]?.id}`);
    await sql`update ballot set choice = ${target.choice} where id = ${target.id}`.execute(db);

    const history = await db
      .selectFrom("ballot_event")
      .select("id")
      .orderBy("id")
      .offset(7)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`alter table ballot_event disable trigger ballot_event_append_only`.execute(db);
    await sql`update ballot_event set reason = 'Motif réécrit' where id = ${history.id}`.execute(db);
    const reveal = verifyExport(await buildChainExport(db, testCheckpointKey));
    const { rows: carrier } = await sql<{ id: string }>`
      select id from audit_event where kind = 'ballot' and (payload->>'ballotEvent')::bigint = ${history.id}`.execute(
      db,
    );
    expect(reveal).toMatchObject({ ok: false, eventId: carrier[0]?.id });
    await sql`update ballot_event set reason = 'Motif ' || choice where id = ${history.id}`.execute(db);
    expect(verifyExport(await buildChainExport(db, testCheckpointKey))).toMatchObject({ ok: true });

    const event = await db
      .selectFrom("audit_event")
      .select(["id", "payload"])
      .where("kind", "=", "ballot")
      .orderBy("id")
      .offset(100)
      .limit(1)
      .executeTakeFirstOrThrow();
    // An attacker with SQL access can switch the append-only trigger off; the hashes still tell.
    // (A slug no organisation has: rewriting to a real one was a no-op when that event was already its ballot.)
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(db);
    await sql`update audit_event set payload = jsonb_set(payload, '{organisation}', '"organisation-falsifiee"') where id = ${event.id}`.execute(
      db,
    );
    const chainEdit = await runVerify(await exportToFile(db, "chaine-modifiee.json"));
    expect(chainEdit.code).toBe(1);
    expect(chainEdit.output).toContain(`événement n°${event.id}`);
    const page = await (await app.request("/verifier")).text();
    expect(page).toContain(`événement n°${event.id}`);
  }, 60_000);
});
