import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Logger } from "../platform/logger.js";
import type { Database } from "./database.js";

export interface DatabaseOptions {
  connectionString: string;
  statementTimeoutMs: number;
  poolSize: number;
  logger: Logger;
  applicationName?: string;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
}

/**
 * One pg Pool per process. The error listeners matter: without them, a client
 * losing its connection (database restart) would crash the process.
 */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? "concertation",
  });
  pool.on("error", (error) => {
    options.logger.warn({ err: error }, "connexion Postgres inactive perdue");
  });
  // A client checked out at the very moment its socket dies has no pool listener:
  // its "error" event would be uncaught. The query it runs fails and becomes a 503.
  pool.on("connect", (client) => {
    client.on("error", (error) =>
      options.logger.warn({ err: error }, "connexion Postgres perdue en cours d'utilisation"),
    );
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
