import type { Kysely } from "kysely";
import type { CheckpointSigner } from "../audit/checkpoints.js";
import { signDueCheckpoint } from "../audit/checkpoints.service.js";
import type { Database } from "../db/database.js";
import { isDatabaseUnavailable } from "../db/errors.js";
import { runDueTransitions, sendDueReminders } from "../features/ballots/index.js";
import type { Logger } from "../platform/logger.js";

export interface VoteScheduler {
  /** Runs due openings, closings, reminders and the journal's checkpoint now (after any run under way). */
  runDue(): Promise<{ transitions: number; reminders: number; checkpoints: number }>;
  stop(): Promise<void>;
}

export interface VoteSchedulerOptions {
  db: Kysely<Database>;
  logger: Logger;
  publicOrigin: string;
  signer: CheckpointSigner;
  intervalMs?: number;
}

/**
 * Every instance polls; each due transition is claimed with FOR UPDATE SKIP LOCKED
 * and re-checked by status, and each reminder by a primary key, so every
 * opening, closing and reminder happens exactly once whatever the number of instances.
 * The journal's checkpoint is signed right after: a closing is witnessed within one tick.
 */
export function startVoteScheduler({
  db,
  logger,
  publicOrigin,
  signer,
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
      const checkpoints = (await signDueCheckpoint(db, signer)) ? 1 : 0;
      if (transitions + reminders + checkpoints > 0)
        log.info({ transitions, reminders, checkpoints }, "votes : transitions, rappels et points de contrôle");
      return { transitions, reminders, checkpoints };
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
