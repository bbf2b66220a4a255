import { sql } from "kysely";
import type { Config } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";
import { createDatabase, type DatabaseHandle } from "./client.js";
import { startEmbeddedPostgres } from "./embedded.js";

export interface OpenDatabase extends DatabaseHandle {
  /** "embedded" when we started Postgres ourselves, "external" with DATABASE_URL. */
  source: "embedded" | "external";
  /** Folder of the embedded cluster, when there is one. */
  embeddedDatabaseDir?: string;
  close(): Promise<void>;
}

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

/**
 * DATABASE_URL set: use that server and start nothing. Unset: start the
 * embedded Postgres kept in DATA_DIR. Either way, prove the connection works
 * before returning, so a wrong URL stops the start with a clear sentence.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPostgresPort,
        databaseName: "concertation",
        logger,
      });
  const connectionString = config.databaseUrl ?? embedded?.connectionString ?? "";
  const handle = createDatabase({
    connectionString,
    statementTimeoutMs: config.statementTimeoutMs,
    poolSize: config.databasePoolSize,
    logger,
  });
  const close = async () => {
    await handle.db.destroy();
    await embedded?.stop();
  };
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    await close().catch(() => undefined);
    const where = config.databaseUrl ? `DATABASE_URL (${redactPassword(config.databaseUrl)})` : "le Postgres embarqué";
    throw new DatabaseStartError(`Base de données injoignable via ${where} : ${(error as Error).message}`);
  }
  return { ...handle, source: embedded ? "embedded" : "external", embeddedDatabaseDir: embedded?.databaseDir, close };
}

export function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
