import type { Kysely } from "kysely";
import type { CheckpointSigner } from "../audit/checkpoints.js";
import type { Database } from "../db/database.js";
import type { Actor } from "../domain/actor.js";
import type { LiveBroker } from "../live/broker.js";
import type { Config } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";

/** The signed-in person as every route and view sees them: the domain's actor. */
export type CurrentUser = Actor;

export interface CurrentSession {
  id: string;
  twoFactorVerified: boolean;
}

/** Per-request values set by middleware. */
export interface AppVariables {
  requestId: string;
  logger: Logger;
  /** Undefined for visitors; set by the session middleware. */
  user: CurrentUser | undefined;
  session: CurrentSession | undefined;
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
  /** Signs the journal's checkpoints (key from CHECKPOINT_SIGNING_KEY or DATA_DIR, never from the database). */
  signer: CheckpointSigner;
  /** This instance's LISTEN connection (live debate); without it, live pages fall back to polling the database. */
  live?: LiveBroker | undefined;
}
