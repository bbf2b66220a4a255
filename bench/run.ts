import { spawn, spawnSync } from "node:child_process";
import type { KeyObject } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { generateCheckpointKeyPem } from "../src/audit/checkpoint-key.js";
import { signerFromPrivateKey } from "../src/audit/checkpoints.js";
import { createDatabase } from "../src/db/client.js";
import { startEmbeddedPostgres } from "../src/db/embedded.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { parsePrivateKey } from "../src/platform/ed25519.js";
import { createLogger } from "../src/platform/logger.js";
import { freePort } from "../test/helpers/net.js";
import { BENCH, seedBenchDataset } from "./dataset.js";

/** One key for the run: the dataset's receipts and the production server sign with it. */
const CHECKPOINT_KEY = generateCheckpointKeyPem();

import { closeDemoPasswords, createBenchRepresentatives, representativeIds, sessionCookies } from "./fixtures.js";
import { type LoadResult, runScenario } from "./load.js";
import { measurePage, type PageMetrics } from "./page-metrics.js";
import { writeReport } from "./report.js";
import { type FanoutResult, measureFanout } from "./sse-fanout.js";

/**
 * `npm run bench`: a fresh database with the benchmark dataset, the compiled app
 * in production mode in its own process, load from this process (autocannon),
 * SSE fan-out, and page weight in Chromium. Writes bench/results/latest.{json,md}.
 */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const logger = createLogger({ logLevel: "warn" });

async function main() {
  const workDir = await mkdtemp(path.join(tmpdir(), "concertation-bench-"));
  await chmod(workDir, 0o755);
  const postgres = await startEmbeddedPostgres({
    dataDir: workDir,
    port: await freePort(),
    databaseName: "bench",
    logger,
  });
  const smtp = await startSmtpSink();
  const { db } = createDatabase({
    connectionString: postgres.connectionString,
    statementTimeoutMs: 60_000,
    poolSize: 5,
    logger,
  });
  try {
    step("dataset");
    await migrateToLatest(db, logger);
    await seedBenchDataset(db, signerFromPrivateKey(parsePrivateKey(CHECKPOINT_KEY) as KeyObject));
    const commenters = await sessionCookies(db, await createBenchRepresentatives(db, 600));
    const voters = await sessionCookies(db, await representativeIds(db, "%@demo.concertation.localhost"));
    // The bench signs its people in with sessions made above; production refuses accounts
    // that still open with the public demo password, so none of them keeps it.
    await closeDemoPasswords(db);
    step("build and start (production mode)");
    buildOnce();
    const app = await startApp(postgres.connectionString, smtp.port);
    try {
      const loads = await runLoads(app.origin, commenters, voters);
      const fanout = await runFanout(app.origin, commenters);
      const pages = await runPages(app.origin, voters[0] as string);
      await writeReport({ loads, fanout, pages, durationSeconds: DURATION_S, connections: CONNECTIONS });
    } finally {
      await app.stop();
    }
  } finally {
    await db.destroy();
    smtp.server.close();
    await postgres.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

function step(name: string) {
  process.stdout.write(`\n== ${name}\n`);
}

function buildOnce() {
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("npm run build failed");
}

async function startSmtpSink() {
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData: (stream, _session, done) => {
      stream.resume();
      stream.on("end", () => done());
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return { server, port };
}

async function startApp(databaseUrl: string, smtpPort: number) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["dist/src/server.js"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PUBLIC_ORIGIN: origin,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      CHECKPOINT_SIGNING_KEY: CHECKPOINT_KEY,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "20",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const healthy = await fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    origin,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function runLoads(origin: string, commenters: string[], voters: string[]): Promise<LoadResult[]> {
  const favicon =
    (await (await fetch(`${origin}/`)).text()).match(/\/static\/favicon\.svg\?v=[0-9a-f]+/)?.[0] ?? "/healthz";
  const options = { connections: CONNECTIONS, durationSeconds: DURATION_S };
  const results: LoadResult[] = [];
  const scenarios = [
    { name: "plafond (ressource statique en mémoire)", path: favicon },
    { name: "accueil", path: "/" },
    { name: "proposition 300 commentaires, anonyme", path: `/propositions/${BENCH.bigThread}` },
    { name: "proposition 300 commentaires, connecté", path: `/propositions/${BENCH.bigThread}`, cookies: voters },
    {
      name: "POST commentaire",
      method: "POST" as const,
      path: `/propositions/${BENCH.openVote}/commentaires`,
      cookies: commenters,
      body: (i: number) => ({ body: `Argument de charge n°${i}.`, position: "pour", cle: `bench${Date.now()}${i}` }),
    },
    {
      name: "POST bulletin",
      method: "POST" as const,
      path: `/propositions/${BENCH.openVote}/vote`,
      cookies: voters,
      body: (i: number) => ({ choix: ["pour", "contre", "abstention"][i % 3] as string, motivation: "" }),
    },
  ];
  // Warm-up: the first scenario would otherwise pay for the JIT and the connection pool.
  await runScenario(origin, { name: "échauffement", path: "/" }, { connections: CONNECTIONS, durationSeconds: 3 });
  for (const scenario of scenarios) {
    step(`load: ${scenario.name}`);
    results.push(await runScenario(origin, scenario, options));
  }
  return results;
}

async function runFanout(origin: string, commenters: string[]): Promise<FanoutResult> {
  step("SSE fan-out: 500 clients");
  let turn = 0;
  return measureFanout(new URL(`${origin}/propositions/${BENCH.bigThread}/direct`), 500, 20, async (marker) => {
    turn += 1;
    const response = await fetch(`${origin}/propositions/${BENCH.bigThread}/commentaires`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: origin,
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: commenters[turn % commenters.length] as string,
      },
      body: new URLSearchParams({ body: marker, position: "question", cle: `fanout${Date.now()}${turn}` }),
    });
    if (response.status !== 303) throw new Error(`comment POST answered ${response.status}`);
  });
}

async function runPages(origin: string, cookie: string): Promise<PageMetrics[]> {
  step("page weight in Chromium");
  const { existsSync } = await import("node:fs");
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    process.stderr.write(`Chromium introuvable (${chromiumPath}) : mesures de pages ignorées.\n`);
    return [];
  }
  const { launchChromium } = await import("../test/helpers/browser.js");
  const browser = await launchChromium();
  try {
    return [
      await measurePage(browser, origin, "accueil", "/"),
      await measurePage(browser, origin, "proposition, 20 commentaires", `/propositions/${BENCH.smallThread}`),
      await measurePage(browser, origin, "proposition, 300 commentaires", `/propositions/${BENCH.bigThread}`),
      await measurePage(
        browser,
        origin,
        "proposition, 20 commentaires, connecté",
        `/propositions/${BENCH.smallThread}`,
        cookie,
      ),
      await measurePage(browser, origin, "résultats (matrice)", "/resultats"),
      await measurePage(browser, origin, "résultats (proposition close)", `/propositions/${BENCH.closedVote}`),
    ];
  } finally {
    await browser.close();
  }
}

await mkdir(new URL("./results/", import.meta.url), { recursive: true });
await main();
