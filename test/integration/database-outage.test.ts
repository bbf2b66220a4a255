import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client.js";
import { createLogger } from "../../src/platform/logger.js";
import { createTestApp } from "../helpers/app.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";

let database: TestDatabase;
let proxy: TcpProxy;
let app: ReturnType<typeof createTestApp>["app"];
let closePool: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
  const real = new URL(database.url);
  proxy = await TcpProxy.start({ host: real.hostname, port: Number(real.port) });
  const viaProxy = new URL(database.url);
  viaProxy.port = String(proxy.port);
  const { db } = createDatabase({
    connectionString: viaProxy.toString(),
    statementTimeoutMs: 2000,
    poolSize: 4,
    logger: createLogger({ logLevel: "silent" }),
  });
  closePool = () => db.destroy();
  ({ app } = createTestApp(db));
});
afterAll(async () => {
  await closePool();
  await proxy.cut();
  await database.destroy();
});

describe("database outage", () => {
  it("serves 503 while Postgres is unreachable and recovers alone when it comes back", async () => {
    expect((await app.request("/healthz")).status).toBe(200);
    expect((await app.request("/")).status).toBe(200);

    await proxy.cut();
    const health = await app.request("/healthz");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", database: "down" });
    const page = await app.request("/propositions/escap");
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toBe("5");
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Service momentanément indisponible");

    await proxy.restore();
    expect((await app.request("/healthz")).status).toBe(200);
    const again = await app.request("/propositions/escap");
    expect(again.status).toBe(200);
  });
});
