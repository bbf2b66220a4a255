import { chmod, mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password.js";
import { DEMO_ACCOUNTS_IN_PRODUCTION_MESSAGE, seedDemoAccounts } from "../../src/db/seed/demo-accounts.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { freePort } from "../helpers/net.js";
import { READY, spawnServer } from "../helpers/server-process.js";

describe("start-up errors", () => {
  it("an invalid variable stops the start with one sentence naming it", async () => {
    const server = spawnServer({ PORT: "quatre-mille" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Configuration invalide : la variable PORT doit être un nombre entier");
  });

  it("an unreachable DATABASE_URL stops the start with a message naming it", async () => {
    const closedPort = await freePort();
    const server = spawnServer({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/absente`,
      PORT: String(await freePort()),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Base de données injoignable via DATABASE_URL");
  });
});

describe("production on a database seeded in development", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoAccounts(database.db, { nodeEnv: "development" });
  });
  afterAll(() => database.destroy());

  const productionEnv = async () => ({
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    SMTP_URL: "smtp://127.0.0.1:2525",
    PUBLIC_ORIGIN: "https://concertation.example.org",
    HOST: "127.0.0.1",
    PORT: String(await freePort()),
  });

  it("refuses to start while demo accounts open with the public password, and starts once it is changed", async () => {
    const refused = spawnServer(await productionEnv());
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(DEMO_ACCOUNTS_IN_PRODUCTION_MESSAGE);
    expect(refused.output()).not.toContain(READY);

    await database.db
      .updateTable("app_user")
      .set({ password_hash: await hashPassword("un mot de passe choisi par l'équipe") })
      .where("is_demo", "=", true)
      .execute();
    const started = spawnServer(await productionEnv());
    await started.waitFor(READY, 30_000);
    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
  }, 60_000);
});

describe("graceful shutdown", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("finishes within 5 s under keep-alive load, answering every request it accepted", async () => {
    const port = await freePort();
    const server = spawnServer({
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    });
    await server.waitFor("Concertation est prête");
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const outcomes = { complete: 0, truncated: 0, refused: 0 };
    let running = true;
    const loop = async () => {
      while (running) {
        const result = await getPage(agent, port, "/propositions/escap");
        outcomes[result] += 1;
        if (result === "refused") await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const loops = Array.from({ length: 20 }, loop);
    while (outcomes.complete < 30) await new Promise((resolve) => setTimeout(resolve, 50));
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    const code = await server.exited;
    const elapsed = Date.now() - signalledAt;
    running = false;
    await Promise.all(loops);
    agent.destroy();
    process.stdout.write(`[shutdown] ${elapsed} ms after SIGTERM, outcomes ${JSON.stringify(outcomes)}\n`);
    const report = `${elapsed} ms, ${JSON.stringify(outcomes)}, output:\n${server.output().slice(-2000)}`;
    expect(code, report).toBe(0);
    expect(elapsed, report).toBeLessThan(5000);
    expect(outcomes.truncated, report).toBe(0);
  });
});

/** complete: full 200 page; truncated: the response started but was cut; refused: no response at all. */
function getPage(agent: Agent, port: number, pathname: string): Promise<"complete" | "truncated" | "refused"> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: pathname, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve(res.statusCode === 200 && body.endsWith("</html>") ? "complete" : "truncated"));
      res.on("error", () => resolve("truncated"));
      res.on("aborted", () => resolve("truncated"));
    });
    req.on("error", () => resolve("refused"));
    req.end();
  });
}

describe("embedded Postgres", () => {
  it("starts on a fresh folder, seeds it, and keeps the data across a restart", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "concertation-restart-"));
    await chmod(dataDir, 0o755);
    const pgPort = await freePort();
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(await freePort()),
      HOST: "127.0.0.1",
    };
    try {
      const first = spawnServer(env);
      await first.waitFor(READY, 60_000);
      expect(first.output()).toContain("initialisation du Postgres embarqué");
      expect(first.output()).toContain("coalition de démonstration chargée");
      expect(first.output()).toContain("débat et votes de démonstration créés");
      expect(first.output()).toContain("Comptes de démonstration (mot de passe : concertation-demo)");
      await markApvf(pgPort);
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);

      const second = spawnServer(env);
      await second.waitFor(READY, 60_000);
      expect(second.output()).not.toContain("initialisation du Postgres embarqué");
      expect(second.output()).not.toContain("coalition de démonstration chargée");
      const page = await fetch(`http://127.0.0.1:${env.PORT}/organisations/apvf`);
      expect(await page.text()).toContain("Marque gardée après redémarrage");
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

async function markApvf(pgPort: number) {
  const client = new pg.Client({
    connectionString: `postgres://postgres:concertation-local@127.0.0.1:${pgPort}/concertation`,
  });
  await client.connect();
  await client.query("update organisation set description = 'Marque gardée après redémarrage' where slug = 'apvf'");
  await client.end();
}
