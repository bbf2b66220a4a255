import type { Kysely } from "kysely";
import type { CheckpointSigner } from "../../../audit/checkpoints.js";
import { signDueCheckpoint } from "../../../audit/checkpoints.service.js";
import type { Database } from "../../../db/database.js";
import { type JobDefinition, startJobRunner } from "../../../jobs/runner.js";
import type { Logger } from "../../../platform/logger.js";
import { runDueTransitions } from "./lifecycle.service.js";
import { sendDueReminders } from "./reminders.service.js";

type VoteEffects = { transitions: number; reminders: number; checkpoints: number };

export interface VoteScheduler {
  /** Runs due openings, closings, reminders and the journal's checkpoint now (after any run under way). */
  runDue(): Promise<VoteEffects>;
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
export function voteSchedulerJob({
  db,
  publicOrigin,
  signer,
  intervalMs = 10_000,
}: Omit<VoteSchedulerOptions, "logger">): JobDefinition<VoteEffects> {
  return {
    name: "vote-scheduler",
    everyMs: intervalMs,
    run: async () => {
      const transitions = await runDueTransitions(db);
      const reminders = await sendDueReminders(db, publicOrigin);
      const checkpoints = (await signDueCheckpoint(db, signer)) ? 1 : 0;
      return { transitions, reminders, checkpoints };
    },
  };
}

export function startVoteScheduler(options: VoteSchedulerOptions): VoteScheduler {
  const job = voteSchedulerJob(options);
  const runner = startJobRunner({ jobs: [job], logger: options.logger });
  return { runDue: () => runner.runNow(job), stop: runner.stop };
}
