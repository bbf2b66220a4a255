import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { type JobDefinition, startJobRunner } from "../jobs/runner.js";
import type { Config } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";
import { deleteEndedSessions } from "./auth.queries.js";
import { deleteQuietThrottles } from "./throttle.js";

const PURGE_EVERY_MS = 10 * 60 * 1000;

type PurgeEffects = { sessions: number; throttles: number };

/**
 * Deletes what sign-in no longer needs, as /donnees-personnelles says: ended sessions (with
 * their IP and browser) and quiet throttling counters. Deletions are idempotent, so every
 * instance may run it.
 */
export function authPurgeJob(db: Kysely<Database>, config: Pick<Config, "sessionInactivityMs">) {
  const purge: JobDefinition<PurgeEffects> = {
    name: "auth-purge",
    everyMs: PURGE_EVERY_MS,
    run: async () => ({
      sessions: await deleteEndedSessions(db, config.sessionInactivityMs),
      throttles: await deleteQuietThrottles(db),
    }),
  };
  return purge;
}

export function startAuthPurge(options: { db: Kysely<Database>; config: Config; logger: Logger }) {
  const runner = startJobRunner({ jobs: [authPurgeJob(options.db, options.config)], logger: options.logger });
  return { stop: runner.stop };
}
