import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { isDatabaseUnavailable } from "../db/errors.js";
import { runDueTransitions } from "../features/ballots/lifecycle.service.js";
import { sendDueReminders } from "../features/ballots/reminders.service.js";
import type { Logger } from "../logger.js";

export interface VoteScheduler {
  /** Runs due openings, closings and reminders now (after any run under way). */
  runDue(): Promise<{ transitions: number; reminders: number }>;
  stop(): Promise<void>;
}

export interface VoteSchedulerOptions {
  db: Kysely<Database>;
  logger: Logger;
  publicOrigin: string;
  intervalMs?: number;
}

/**
 * Every instance polls; each due transition is claimed with FOR UPDATE SKIP LOCKED
 * and re-checked by status, and each reminder by a primary key, so every
 * opening, closing and reminder happens exactly once whatever the number of instances.
 */
export function startVoteScheduler({
  db,
  logger,
  publicOrigin,
  intervalMs = 10_000,
}: VoteSchedulerOptions): VoteScheduler {
  const log = logger.child({ job: "vote-scheduler" });
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  const runDue = () => {
    const run = chain.then(async () => {
      const transitions = await runDueTransitions(db);
      const reminders = await sendDueReminders(db, publicOrigin);
      if (transitions + reminders > 0) log.info({ transitions, reminders }, "votes : transitions et rappels");
      return { transitions, reminders };
    });
    chain = run.catch(() => undefined);
    return run;
  };
  const tick = async () => {
    try {
      await runDue();
    } catch (error) {
      if (isDatabaseUnavailable(error))
        log.warn({ err: error }, "planification des votes suspendue : base injoignable");
      else log.error({ err: error }, "planification des votes : erreur inattendue");
    }
    if (!stopping) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref();
  };
  schedule();
  return {
    runDue,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
