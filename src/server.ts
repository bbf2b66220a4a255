import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { DEV_KEY_FILE, loadCheckpointSigner } from "./audit/checkpoint-key.js";
import type { CheckpointSigner } from "./audit/checkpoints.js";
import { startAuthPurge } from "./auth/auth.jobs.js";
import { migrateToLatest } from "./db/migrate.js";
import { type OpenDatabase, openDatabase } from "./db/open.js";
import { startVoteScheduler, type VoteScheduler } from "./features/ballots/index.js";
import { type CommentDigest, startCommentDigest } from "./features/comments/index.js";
import { type EmailOutbox, startEmailOutbox } from "./features/email/index.js";
import type { Lifecycle } from "./http/env.js";
import { ConnectionTracker, httpServerOptions, withinMs } from "./http/graceful-server.js";
import { startLiveBroker } from "./live/broker.js";
import { type Config, ConfigError, demoLegalSettings, isProduction, loadConfig } from "./platform/config.js";
import { createLogger, type Logger } from "./platform/logger.js";
import {
  countDemoAccountsWithPublicPassword,
  DEMO_ACCOUNTS_IN_PRODUCTION_MESSAGE,
  demoCredentialsText,
  hasNoAccounts,
  seedDemoAccounts,
} from "./seed/demo-accounts.js";
import { seedDemoDebate } from "./seed/demo-debate.js";
import { isUnseeded, seedCoalition } from "./seed/seed.js";

/** Start: config → database (embedded or DATABASE_URL) → migrate → seed if empty → listen → graceful stop. */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger(config);
  const demoLegal = demoLegalSettings(config);
  if (isProduction(config) && demoLegal.length > 0) {
    logger.warn(
      { variables: demoLegal },
      "mentions légales, contact et données personnelles affichent des valeurs de démonstration : renseignez ces variables",
    );
  }
  const database = await openDatabaseOrExit(config, logger);
  await migrateToLatest(database.db, logger);
  const signer = await loadSignerOrExit(config, database);
  const demo = config.nodeEnv !== "production";
  if (demo) await seedDemoData(database, config, logger, signer);
  else await refuseDemoAccountsOrExit(database);
  const lifecycle: Lifecycle = { shuttingDown: false };
  const live = startLiveBroker({ connectionString: database.pool.options.connectionString ?? "", logger });
  const app = createApp({ config, db: database.db, logger, lifecycle, live, signer });
  let outbox: EmailOutbox | undefined;
  let votes: VoteScheduler | undefined;
  let digest: CommentDigest | undefined;
  let authPurge: ReturnType<typeof startAuthPurge> | undefined;
  const server = serve(
    { fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: httpServerOptions(config) },
    (info: AddressInfo) => {
      logger.info({ port: info.port, database: database.source }, "Concertation à l'écoute");
      outbox = startEmailOutbox({ db: database.db, config, logger });
      votes = startVoteScheduler({ db: database.db, logger, publicOrigin: config.publicOrigin, signer });
      digest = startCommentDigest({ db: database.db, config, logger });
      authPurge = startAuthPurge({ db: database.db, config, logger });
      printWelcome(config, demo, database.embeddedDatabaseDir);
    },
  );
  const connections = new ConnectionTracker(server as HttpServer);
  server.on("error", (error) => {
    logger.fatal({ err: error }, `le serveur HTTP n'a pas pu écouter sur ${config.host}:${config.port} (PORT)`);
    void database.close().finally(() => process.exit(1));
  });
  const stop = () =>
    shutdown({
      connections,
      database,
      lifecycle,
      logger,
      timeoutMs: config.shutdownTimeoutMs,
      jobs: [outbox, votes, digest, authPurge],
      live,
    });
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** A fresh development database gets the coalition and the demo accounts. */
async function seedDemoData(
  database: OpenDatabase,
  config: Config,
  logger: Logger,
  signer: CheckpointSigner,
): Promise<void> {
  if (await isUnseeded(database.db)) {
    const seeded = await seedCoalition(database.db);
    logger.info(seeded, "base vide : coalition de démonstration chargée");
  }
  if (await hasNoAccounts(database.db)) {
    const accounts = await seedDemoAccounts(database.db, { nodeEnv: "development" });
    logger.info({ accounts }, "comptes de démonstration créés");
    // Sample arguments and votes make the demo readable; a failure here must not stop the start.
    await seedDemoDebate(database.db, { publicOrigin: config.publicOrigin, signer }).then(
      () => logger.info("débat et votes de démonstration créés"),
      (error: unknown) => logger.warn({ err: error }, "débat de démonstration non créé"),
    );
  }
}

/** A database seeded in development must not go live with accounts anyone can open. */
async function refuseDemoAccountsOrExit(database: OpenDatabase): Promise<void> {
  if ((await countDemoAccountsWithPublicPassword(database.db)) === 0) return;
  process.stderr.write(`${DEMO_ACCOUNTS_IN_PRODUCTION_MESSAGE}\n`);
  await database.close();
  process.exit(1);
}

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function loadSignerOrExit(config: Config, database: OpenDatabase): Promise<CheckpointSigner> {
  try {
    return await loadCheckpointSigner(config);
  } catch (error) {
    const file = path.resolve(config.dataDir, DEV_KEY_FILE);
    process.stderr.write(
      `La clé de signature du journal n'a pas pu être lue ni créée dans ${file} (${(error as Error).message}) : donnez un DATA_DIR accessible en écriture, ou la variable CHECKPOINT_SIGNING_KEY.\n`,
    );
    await database.close();
    process.exit(1);
  }
}

async function openDatabaseOrExit(config: Config, logger: Logger): Promise<OpenDatabase> {
  try {
    return await openDatabase(config, logger);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}

function printWelcome(config: Config, demo: boolean, embeddedDatabaseDir: string | undefined): void {
  process.stdout.write(
    `\n  Concertation est prête : ${config.publicOrigin}\n` +
      (embeddedDatabaseDir ? `  Base : Postgres embarqué (${embeddedDatabaseDir})\n` : "") +
      (demo ? `${demoCredentialsText()}\n` : "") +
      (demo && !config.smtpUrl ? `  Courriels (sans SMTP) : ${config.publicOrigin}/dev/courriels\n` : "") +
      "  Arrêt : Ctrl+C\n\n",
  );
}

interface Stoppable {
  stop(): Promise<void>;
}

interface ShutdownParts {
  connections: ConnectionTracker;
  database: OpenDatabase;
  lifecycle: Lifecycle;
  logger: Logger;
  timeoutMs: number;
  /** Jobs (email outbox, vote scheduler, digest, sign-in purge): each finishes the batch under way. */
  jobs: (Stoppable | undefined)[];
  live: Stoppable;
}

/**
 * Stop accepting, answer every request already sent (keep-alive ones with
 * `Connection: close`), end SSE streams with a reconnect hint, then stop the jobs,
 * the LISTEN connection and the pool. Each step is bounded and the process exits
 * at `timeoutMs` whatever the database state: after an outage, a pg `end()` or a
 * job's query can wait on a dead socket for good. Fly kills at 5 s: the timeout stays under it.
 */
async function shutdown({
  connections,
  database,
  lifecycle,
  logger,
  timeoutMs,
  jobs,
  live,
}: ShutdownParts): Promise<void> {
  if (lifecycle.shuttingDown) return;
  lifecycle.shuttingDown = true;
  const deadline = Date.now() + timeoutMs;
  const left = (reserveMs = 0) => deadline - reserveMs - Date.now();
  setTimeout(() => {
    logger.warn("délai d'arrêt dépassé : sortie forcée");
    process.exit(0);
  }, timeoutMs).unref();
  logger.info("arrêt demandé : fin des requêtes en cours");
  const jobsStopped = Promise.allSettled(jobs.map((job) => job?.stop()));
  // Its close listeners end the open SSE streams at once; the LISTEN connection's end is awaited later.
  const liveStopped = live.stop();
  const drained = await connections.drain({
    idleGraceMs: Math.min(1000, timeoutMs / 4),
    deadlineMs: Math.max(0, timeoutMs * 0.6),
  });
  if (drained === "forced") logger.warn("délai d'arrêt dépassé : fermeture des connexions restantes");
  const pending = await Promise.all([withinMs(jobsStopped, left(1000)), withinMs(liveStopped, left(1000))]);
  if (pending.includes("timeout")) logger.warn("arrêt : tâches de fond ou connexion LISTEN non terminées à temps");
  const closed = await withinMs(
    database.close().catch((error: unknown) => logger.warn({ err: error }, "fermeture de la base")),
    left(100),
  );
  if (closed === "timeout") logger.warn("arrêt : fermeture de la base non terminée à temps");
  logger.info("arrêt terminé");
  process.exit(0);
}

// Last-resort nets: a stray rejection is logged and the process lives on; an uncaught
// exception leaves state unknown, so we log it and exit for the supervisor to restart us.
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`Promesse rejetée non gérée : ${reason instanceof Error ? reason.stack : String(reason)}\n`);
});
process.on("uncaughtException", (error) => {
  process.stderr.write(`Exception non gérée : ${error.stack ?? error.message}\n`);
  process.exit(1);
});

main().catch((error: unknown) => {
  process.stderr.write(`Démarrage impossible : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
