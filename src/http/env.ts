import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../logger.js";

/** Per-request values set by middleware. */
export interface AppVariables {
  requestId: string;
  logger: Logger;
}

export type AppEnv = { Variables: AppVariables };

/** Process-wide state the server flips when it starts shutting down. */
export interface Lifecycle {
  shuttingDown: boolean;
}

/** What every route factory receives: built once in createApp, never global. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  lifecycle: Lifecycle;
}
