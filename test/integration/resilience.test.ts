import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { representativeIds, sessionCookies } from "../../bench/fixtures.js";
import { createDatabase } from "../../src/db/client.js";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { buildChainExport } from "../../src/features/ballots/results/export.service.js";
import { verifyExport } from "../../src/features/ballots/results/verify.js";
import { createLogger } from "../../src/platform/logger.js";
import { seedDemoAccounts } from "../../src/seed/demo-accounts.js";
import { seedCoalition } from "../../src/seed/seed.js";
import { createTestApp, TEST_ORIGIN } from "../helpers/app.js";
import { testCheckpointKey } from "../helpers/checkpoints.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { freePort } from "../helpers/net.js";
import { spawnServer } from "../helpers/server-process.js";
import { openVoteNow } from "../helpers/votes.js";

const logger = createLogger({ logLevel: "silent" });

type Fetcher = (input: string, init?: RequestInit) => Response | Promise<Response>;

function postForm(base: string, path: string, cookie: string, form: Record<string, string>, fetcher: Fetcher = fetch) {
  return Promise.resolve(
    fetcher(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams(form),
    }),
  );
}

describe("Postgres stopped and restarted under load", () => {
  let dataDir: string;
  let postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "concertation-outage-"));
    await chmod(dataDir, 0o755);
    postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), databaseName: "outage", logger });
  });
  afterAll(async () => {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 503 during the outage, recovers alone, and loses no committed comment or ballot", async () => {
    const { db } = createDatabase({
      connectionString: postgres.connectionString,
      statementTimeoutMs: 5000,
      poolSize: 10,
      logger,
    });
    await migrateToLatest(db, logger);
    await seedCoalition(db);
    await seedDemoAccounts(db, { nodeEnv: "development" });
    await db.updateTable("proposal").set({ status: "debat" }).execute();
    await openVoteNow(db, "guichet-unique");
    const voters = await sessionCookies(db, await representativeIds(db, "%@demo.concertation.localhost"));
    const { app } = createTestApp(db);
    const fetcher: Fetcher = (input, init) => app.request(input, init);

    const committedComments: string[] = [];
    const statuses: number[] = [];
    let running = true;
    const load = async (worker: number) => {
      for (let i = 0; running; i++) {
        const cookie = voters[(worker * 7 + i) % voters.length] as string;
        const marker = `panne-${worker}-${i}`;
        const comment = await postForm(
          "",
          "/propositions/escap/commentaires",
          cookie,
          { body: marker, position: "pour", cle: `panne${worker}x${i}` },
          fetcher,
        ).catch(() => undefined);
        if (comment) statuses.push(comment.status);
        if (comment?.status === 303) committedComments.push(marker);
        const ballot = await postForm(
          "",
          "/propositions/guichet-unique/vote",
          cookie,
          { choix: i % 2 ? "pour" : "contre", motivation: "" },
          fetcher,
        ).catch(() => undefined);
        if (ballot) statuses.push(ballot.status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const workers = Array.from({ length: 4 }, (_, worker) => load(worker));
    await new Promise((resolve) => setTimeout(resolve, 800));
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const during = await app.request("/propositions/escap");
    expect(during.status).toBe(503);
    expect((await app.request("/healthz")).status).toBe(503);
    await postgres.restart();
    await expect.poll(async () => (await app.request("/healthz")).status, { timeout: 15_000 }).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 800));
    running = false;
    await Promise.all(workers);

    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s === 303).length).toBeGreaterThan(4);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const stored = await db.selectFrom("comment").select("body").where("body", "like", "panne-%").execute();
    const storedBodies = new Set(stored.map((row) => row.body));
    for (const marker of committedComments) expect(storedBodies.has(marker), marker).toBe(true);
    const chain = verifyExport(await buildChainExport(db, testCheckpointKey));
    expect(chain.ok, JSON.stringify(chain)).toBe(true);
    await db.destroy();
  }, 90_000);
});

describe("kill -9 during ballot submissions", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("leaves no partial ballot and a chain that still verifies", async () => {
    await seedDemoAccounts(database.db, { nodeEnv: "development" });
    await openVoteNow(database.db, "guichet-unique");
    const voters = await sessionCookies(
      database.db,
      await representativeIds(database.db, "%@demo.concertation.localhost"),
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawnServer({
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_ORIGIN: TEST_ORIGIN,
      LOG_LEVEL: "warn",
    });
    await server.waitFor("Concertation est prête");
    let accepted = 0;
    let running = true;
    const load = async (worker: number) => {
      for (let i = 0; running; i++) {
        const cookie = voters[(worker + i) % voters.length] as string;
        const response = await postForm(base, "/propositions/guichet-unique/vote", cookie, {
          choix: ["pour", "contre", "abstention"][i % 3] as string,
          motivation: `essai ${i}`,
        }).catch(() => undefined);
        if (response?.status === 303) accepted += 1;
      }
    };
    const workers = Array.from({ length: 8 }, (_, worker) => load(worker));
    await expect.poll(() => accepted, { timeout: 20_000 }).toBeGreaterThan(20);
    server.child.kill("SIGKILL");
    await server.exited;
    running = false;
    await Promise.all(workers);

    const ballots = await database.db
      .selectFrom("ballot as b")
      .innerJoin("ballot_event as e", "e.id", "b.last_event_id")
      .select(["b.organisation_id", "b.choice", "e.choice as eventChoice", "b.receipt"])
      .execute();
    expect(ballots.length).toBeGreaterThan(0);
    for (const ballot of ballots) expect(ballot.choice).toBe(ballot.eventChoice);
    const chain = verifyExport(await buildChainExport(database.db, testCheckpointKey));
    expect(chain.ok, JSON.stringify(chain)).toBe(true);
  }, 90_000);
});
