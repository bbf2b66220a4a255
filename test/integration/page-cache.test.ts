import { type Kysely, sql } from "kysely";
import { describe, expect } from "vitest";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/database.js";
import { startLiveBroker } from "../../src/live/broker.js";
import { LIVE_CHANNEL } from "../../src/live/live.queries.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger } from "../../src/platform/logger.js";
import { createUser } from "../factories.js";
import { TEST_ORIGIN } from "../helpers/app.js";
import { testSigner } from "../helpers/checkpoints.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";

const renameEscap = (db: Kysely<Database>, title: string) =>
  db.updateTable("proposal").set({ title }).where("slug", "=", "escap").execute();

const titleOf = async (response: Response) => (await response.text()).match(/<h1>([^<]*)<\/h1>/)?.[1];

describe("public page cache", () => {
  /** Built like production: page cache on, fed by this instance's LISTEN connection. */
  test.override("testApp", async ({ database, db }, { onCleanup }) => {
    const logger = createLogger({ logLevel: "silent" });
    const broker = startLiveBroker({ connectionString: database.url, logger });
    onCleanup(() => broker.stop());
    await broker.ready;
    const config = loadConfig({
      NODE_ENV: "test",
      PUBLIC_ORIGIN: TEST_ORIGIN,
      LOG_LEVEL: "silent",
      PAGE_CACHE_MS: "60000",
    });
    const lifecycle = { shuttingDown: false };
    const app = createApp({ config, db: db, logger, lifecycle, live: broker, signer: testSigner });
    return { app, config, lifecycle };
  });

  test("serves anonymous visitors from memory until a live notice says something changed", async ({ db, app }) => {
    await renameEscap(db, "ESCAP");
    expect(await titleOf(await app.request("/propositions/escap"))).toBe("ESCAP");
    await renameEscap(db, "ESCAP modifiée");
    expect(await titleOf(await app.request("/propositions/escap"))).toBe("ESCAP");
    const proposal = await db.selectFrom("proposal").select("id").where("slug", "=", "escap").executeTakeFirstOrThrow();
    await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ id: "1", kind: "comment.created", proposalId: proposal.id })})`.execute(
      db,
    );
    await expect.poll(async () => titleOf(await app.request("/propositions/escap"))).toBe("ESCAP modifiée");
  });

  test("answers 304 to a matching ETag and sends a gzip body", async ({ app }) => {
    const first = await app.request("/organisations", { headers: { "Accept-Encoding": "gzip" } });
    expect(first.headers.get("Content-Encoding")).toBe("gzip");
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request("/organisations", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
  });

  test("never serves a signed-in person from the cache", async ({ db, app, as }) => {
    await renameEscap(db, "Titre A");
    await app.request("/propositions/escap");
    await renameEscap(db, "Titre B");
    const browser = await as("apvf");
    expect(await titleOf(await browser.get("/propositions/escap"))).toBe("Titre B");
  });

  test("forgets everything after a write handled by this instance", async ({ db, app }) => {
    await renameEscap(db, "Avant");
    await app.request("/propositions/escap");
    await renameEscap(db, "Après");
    const user = await createUser(db);
    await new TestClient(app).post("/connexion", { email: user.email, password: user.password });
    expect(await titleOf(await app.request("/propositions/escap"))).toBe("Après");
  });

  test("keeps full pages and htmx fragments apart, and never caches private pages", async ({ app }) => {
    const fragment = await app.request("/propositions/escap", { headers: { "HX-Request-Type": "partial" } });
    expect(await fragment.text()).not.toContain("<html");
    expect(await (await app.request("/propositions/escap")).text()).toContain("<html");
    expect((await app.request("/compte")).status).toBe(303);
  });
});
