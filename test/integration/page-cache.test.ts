import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { type RunningBroker, startLiveBroker } from "../../src/live/broker.js";
import { LIVE_CHANNEL } from "../../src/live/live.queries.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger } from "../../src/platform/logger.js";
import { createUser } from "../factories.js";
import { TEST_ORIGIN } from "../helpers/app.js";
import { testSigner } from "../helpers/checkpoints.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
let broker: RunningBroker;
let app: ReturnType<typeof createApp>;

/** Built like production: page cache on, fed by this instance's LISTEN connection. */
beforeAll(async () => {
  database = await createTestDatabase();
  const logger = createLogger({ logLevel: "silent" });
  broker = startLiveBroker({ connectionString: database.url, logger });
  await broker.ready;
  const config = loadConfig({
    NODE_ENV: "test",
    PUBLIC_ORIGIN: TEST_ORIGIN,
    LOG_LEVEL: "silent",
    PAGE_CACHE_MS: "60000",
  });
  app = createApp({
    config,
    db: database.db,
    logger,
    lifecycle: { shuttingDown: false },
    live: broker,
    signer: testSigner,
  });
});
afterAll(async () => {
  await broker.stop();
  await database.destroy();
});

const renameEscap = (title: string) =>
  database.db.updateTable("proposal").set({ title }).where("slug", "=", "escap").execute();

const titleOf = async (response: Response) => (await response.text()).match(/<h1>([^<]*)<\/h1>/)?.[1];

describe("public page cache", () => {
  it("serves anonymous visitors from memory until a live notice says something changed", async () => {
    await renameEscap("ESCAP");
    expect(await titleOf(await app.request("/propositions/escap"))).toBe("ESCAP");
    await renameEscap("ESCAP modifiée");
    expect(await titleOf(await app.request("/propositions/escap"))).toBe("ESCAP");
    const proposal = await database.db
      .selectFrom("proposal")
      .select("id")
      .where("slug", "=", "escap")
      .executeTakeFirstOrThrow();
    await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ id: "1", kind: "comment.created", proposalId: proposal.id })})`.execute(
      database.db,
    );
    await expect.poll(async () => titleOf(await app.request("/propositions/escap"))).toBe("ESCAP modifiée");
  });

  it("answers 304 to a matching ETag and sends a gzip body", async () => {
    const first = await app.request("/organisations", { headers: { "Accept-Encoding": "gzip" } });
    expect(first.headers.get("Content-Encoding")).toBe("gzip");
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request("/organisations", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
  });

  it("never serves a signed-in person from the cache", async () => {
    await renameEscap("Titre A");
    await app.request("/propositions/escap");
    await renameEscap("Titre B");
    const user = await createUser(database.db, { organisation: "apvf" });
    const browser = new TestClient(app);
    await browser.signIn(user);
    expect(await titleOf(await browser.get("/propositions/escap"))).toBe("Titre B");
  });

  it("forgets everything after a write handled by this instance", async () => {
    await renameEscap("Avant");
    await app.request("/propositions/escap");
    await renameEscap("Après");
    const user = await createUser(database.db);
    await new TestClient(app).post("/connexion", { email: user.email, password: user.password });
    expect(await titleOf(await app.request("/propositions/escap"))).toBe("Après");
  });

  it("keeps full pages and htmx fragments apart, and never caches private pages", async () => {
    const fragment = await app.request("/propositions/escap", { headers: { "HX-Request-Type": "partial" } });
    expect(await fragment.text()).not.toContain("<html");
    expect(await (await app.request("/propositions/escap")).text()).toContain("<html");
    expect((await app.request("/compte")).status).toBe(303);
  });
});
