import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password.js";
import { DEMO_ACCOUNTS_IN_PRODUCTION_MESSAGE, seedDemoAccounts } from "../../src/seed/demo-accounts.js";
import { TEST_CHECKPOINT_KEY_PEM } from "../helpers/checkpoints.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { freePort } from "../helpers/net.js";
import { READY, type ServerProcess, spawnServer } from "../helpers/server-process.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";

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
    CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY_PEM,
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
      CHECKPOINT_SIGNING_KEY: "",
    };
    const fingerprint = async () =>
      (
        (await (await fetch(`http://127.0.0.1:${env.PORT}/.well-known/concertation-checkpoint-key.json`)).json()) as {
          fingerprint: string;
        }
      ).fingerprint;
    try {
      const first = spawnServer(env);
      await first.waitFor(READY, 60_000);
      expect(first.output()).toContain("initialisation du Postgres embarqué");
      expect(first.output()).toContain("coalition de démonstration chargée");
      expect(first.output()).toContain("débat et votes de démonstration créés");
      expect(first.output()).toContain("Comptes de démonstration (mot de passe : concertation-demo)");
      await markApvf(pgPort);
      // No key given outside production: one is made in DATA_DIR, for its owner only, and kept.
      expect((await stat(path.join(dataDir, "checkpoint-signing-key.pem"))).mode & 0o777).toBe(0o600);
      const firstKey = await fingerprint();
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);

      const second = spawnServer(env);
      await second.waitFor(READY, 60_000);
      expect(second.output()).not.toContain("initialisation du Postgres embarqué");
      expect(second.output()).not.toContain("coalition de démonstration chargée");
      const page = await fetch(`http://127.0.0.1:${env.PORT}/organisations/apvf`);
      expect(await page.text()).toContain("Marque gardée après redémarrage");
      expect(await fingerprint()).toBe(firstKey);
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

/** Writes raw bytes on a fresh connection; resolves with what came back and when the server closed it. */
function rawExchange(port: number, bytes: string, maxMs: number): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let reply = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      reply += chunk;
    });
    socket.on("error", () => undefined);
    const giveUp = setTimeout(() => socket.destroy(), maxMs);
    socket.on("close", () => {
      clearTimeout(giveUp);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
  });
}

/** One keep-alive connection that sends whole requests and reads whole responses, never retrying. */
class RawKeepAlive {
  private readonly socket: Socket;
  private buffer = "";
  private waiting: (() => void) | undefined;
  closed = false;

  constructor(port: number) {
    this.socket = connect(port, "127.0.0.1");
    this.socket.setEncoding("utf8");
    this.socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      this.waiting?.();
    });
    this.socket.on("error", () => undefined);
    this.socket.on("close", () => {
      this.closed = true;
      this.waiting?.();
    });
  }

  /** Resolves with the status line and headers of a complete response, or "cut". */
  async get(pathname: string): Promise<{ status: string; headers: string } | "cut"> {
    this.buffer = "";
    this.socket.write(`GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
    for (;;) {
      const complete = completeResponse(this.buffer);
      if (complete) return complete;
      if (this.closed) return "cut";
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function completeResponse(buffer: string): { status: string; headers: string } | undefined {
  const end = buffer.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const headers = buffer.slice(0, end);
  const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? Number.NaN);
  const body = buffer.slice(end + 4);
  const done = Number.isNaN(length) ? body.endsWith("0\r\n\r\n") : Buffer.byteLength(body) >= length;
  return done ? { status: headers.split("\r\n")[0] ?? "", headers } : undefined;
}

const ERROR_LOG = /"level":(50|60)/;
/** Printed on stdout whatever LOG_LEVEL. */
const PRINTED_READY = "Concertation est prête";

describe("slow or lying clients", () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let port: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    server = spawnServer({
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      HTTP_HEADERS_TIMEOUT_MS: "1500",
      HTTP_REQUEST_TIMEOUT_MS: "2500",
    });
    await server.waitFor(PRINTED_READY);
  });
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
    await database.destroy();
  });

  it("cuts a body that announces 5,000 bytes and sends 25, with a 408", async () => {
    const request =
      "POST /connexion HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
      `Origin: http://localhost:${port}\r\nContent-Length: 5000\r\n\r\nemail=a%40exemple.fr&pass`;
    const { reply, closedAfterMs } = await rawExchange(port, request, 15_000);
    expect(closedAfterMs).toBeLessThan(5000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(server.output()).not.toMatch(ERROR_LOG);
  });

  it("lets a slow but steady upload of almost 256 KB through", async () => {
    const body = `email=a%40exemple.fr&password=${"x".repeat(250_000)}`;
    const head =
      "POST /connexion HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
      `Origin: http://localhost:${port}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        received += chunk;
      });
      socket.on("error", () => undefined);
      socket.on("close", () => resolve(received));
      socket.write(head);
      // Ten slices over 1.5 s: slower than any browser, within the 2.5 s request timeout.
      const slices = Array.from({ length: 10 }, (_, i) => body.slice(i * 25_010, (i + 1) * 25_010));
      for (const [i, slice] of slices.entries()) setTimeout(() => socket.write(slice), 150 * (i + 1));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 [2-4]\d\d/);
    expect(reply).not.toMatch(/^HTTP\/1\.1 408/);
  });

  it("cuts a client that never finishes its headers", async () => {
    const { reply, closedAfterMs } = await rawExchange(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lent: ", 15_000);
    expect(closedAfterMs).toBeLessThan(4000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it("keeps a live stream open well past the request timeout", async () => {
    const { reply, closedAfterMs } = await rawExchange(
      port,
      "GET /propositions/escap/direct HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
      5000,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(5000);
  });
});

describe("shutdown under keep-alive, raw sockets that never retry", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("answers requests written on idle keep-alive sockets after SIGTERM, with Connection: close", async () => {
    const port = await freePort();
    const server = spawnServer({
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    });
    await server.waitFor(PRINTED_READY);
    const sockets = Array.from({ length: 12 }, () => new RawKeepAlive(port));
    for (const socket of sockets) expect(await socket.get("/organisations")).not.toBe("cut");
    const stream = rawExchange(
      port,
      "GET /propositions/escap/direct HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
      10_000,
    );
    // Idle for longer than the shutdown's grace before the signal: the grace still counts from the signal.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    // Every idle socket gets its next request at a different moment after the signal, from 0 to 600 ms.
    const answers = await Promise.all(
      sockets.map(async (socket, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 50));
        return socket.get("/organisations");
      }),
    );
    const code = await server.exited;
    const elapsed = Date.now() - signalledAt;
    for (const socket of sockets) socket.destroy();
    const report = `${elapsed} ms, output:\n${server.output().slice(-2000)}`;
    for (const [index, answer] of answers.entries()) {
      expect(answer, report).not.toBe("cut");
      if (answer === "cut") continue;
      expect(answer.status, report).toBe("HTTP/1.1 200 OK");
      // A request written in the same instant as the signal may be read before the handler runs:
      // it is answered in full, the socket closed afterwards. From 100 ms on, the answer says so.
      if (index >= 2) expect(answer.headers, report).toMatch(/connection: close/i);
    }
    const { reply } = await stream;
    expect(reply, "the live stream ends with a reconnect hint").toContain("retry: 1000");
    expect(code, report).toBe(0);
    expect(elapsed, report).toBeLessThan(5000);
  });

  it("exits in time after a database outage and its recovery", async () => {
    const real = new URL(database.url);
    const proxy = await TcpProxy.start({ host: real.hostname, port: Number(real.port) });
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    const port = await freePort();
    const server = spawnServer({
      DATABASE_URL: viaProxy.toString(),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      EMAIL_POLL_INTERVAL_MS: "200",
    });
    try {
      await server.waitFor(READY);
      await fetch(`http://127.0.0.1:${port}/propositions/escap`).then((r) => r.text());
      await proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await fetch(`http://127.0.0.1:${port}/propositions/escap`).then((r) => r.text());
      await proxy.restore();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const signalledAt = Date.now();
      server.child.kill("SIGTERM");
      const code = await server.exited;
      const elapsed = Date.now() - signalledAt;
      const report = `${elapsed} ms, output:\n${server.output().slice(-3000)}`;
      process.stdout.write(`[shutdown after outage] ${elapsed} ms\n`);
      expect(code, report).toBe(0);
      expect(elapsed, report).toBeLessThan(5000);
    } finally {
      server.child.kill("SIGKILL");
      await proxy.cut();
    }
  }, 30_000);
});

describe("shutdown after the embedded Postgres went away", () => {
  it("exits in time even though the postgres process it started has already ended", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "concertation-gone-"));
    await chmod(dataDir, 0o755);
    const port = await freePort();
    const server = spawnServer({
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    });
    try {
      await server.waitFor(PRINTED_READY, 60_000);
      const databaseDir = /Base : Postgres embarqué \(([^)]+)\)/.exec(server.output())?.[1] ?? "";
      const postmasterPid = Number((await readFile(path.join(databaseDir, "postmaster.pid"), "utf8")).split("\n")[0]);
      // The outage: Postgres stops under the application (fast shutdown), as an operator or the OOM killer would.
      process.kill(postmasterPid, "SIGINT");
      await expect.poll(() => isAlive(postmasterPid), { timeout: 10_000 }).toBe(false);
      await fetch(`http://127.0.0.1:${port}/organisations`).then((response) => response.text());
      const signalledAt = Date.now();
      server.child.kill("SIGTERM");
      const code = await server.exited;
      const elapsed = Date.now() - signalledAt;
      const report = `${elapsed} ms, output:\n${server.output().slice(-2000)}`;
      process.stdout.write(`[shutdown after Postgres ended] ${elapsed} ms\n`);
      expect(code, report).toBe(0);
      expect(elapsed, report).toBeLessThan(5000);
      expect(server.output(), report).not.toContain("fermeture de la base non terminée à temps");
    } finally {
      server.child.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
