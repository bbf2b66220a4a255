/**
 * One runner for every background job (decision 013): a timer loop per job,
 * runs of one job never overlap, failures are logged and the loop goes on,
 * and `stop()` is bounded even when a query hangs on a dead database socket.
 *
 * The runner knows nothing of Postgres: "each effect happens once across
 * instances" stays in the jobs themselves (SKIP LOCKED claims, status re-checks,
 * primary keys, rows marked sent in the claiming transaction).
 */

import { isDatabaseUnavailable } from "../db/errors.js";
import type { Logger } from "../platform/logger.js";

/** What a run did, by kind of effect ({ sent: 3 }, { transitions: 1, reminders: 0 }…). */
export type JobEffects = Readonly<Record<string, number>>;

export interface JobDefinition<Effects extends JobEffects = JobEffects> {
  /** Unique; used in logs and by `runNow`. */
  name: string;
  /** Delay between the end of one run and the start of the next. */
  everyMs: number;
  /**
   * Does the due work and says what it did. Each effect must happen once across instances by
   * itself (claims with SKIP LOCKED, status re-checks, keys): the runner only owns time.
   * The signal aborts at `stop()`: a job that loops over items stops between two of them.
   */
  run(signal: AbortSignal): Promise<Effects>;
  /** Timer-only gate (e.g. "07:00 Paris, once a day"); `runNow` ignores it. Default: always due. */
  isDue?(now: Date): boolean;
  /** A shorter delay before the next run, e.g. 0 while a batch came back full. Default: `everyMs`. */
  nextDelayMs?(effects: Effects): number;
}

export interface JobRunnerOptions {
  jobs: readonly JobDefinition[];
  logger: Logger;
  /** Longest wait in `stop()` for runs under way. Default 3 s (under the server's shutdown budget). */
  stopTimeoutMs?: number;
}

export interface JobRunner {
  /** Runs one of its jobs now, after that job's run under way if any; resolves with its effects, rejects with its error. */
  runNow<Effects extends JobEffects>(job: JobDefinition<Effects>): Promise<Effects>;
  /** Stops the timers, aborts the signal, waits for runs under way at most `stopTimeoutMs`; never rejects. */
  stop(): Promise<void>;
}

const DEFAULT_STOP_TIMEOUT_MS = 3000;

/** Per-job state: its timer and the tail of its chain of runs. */
interface Loop {
  // Stored as its most general type; runNow hands the caller's own typed definition back to it.
  job: JobDefinition;
  log: Logger;
  timer: NodeJS.Timeout | undefined;
  tail: Promise<unknown>;
}

/** Starts one loop per job; the first run of each comes `everyMs` after the start. */
export function startJobRunner({ jobs, logger, stopTimeoutMs = DEFAULT_STOP_TIMEOUT_MS }: JobRunnerOptions): JobRunner {
  const loops = createLoops(jobs, logger);
  const abort = new AbortController();

  const runNow = <Effects extends JobEffects>(job: JobDefinition<Effects>): Promise<Effects> => {
    const loop = loops.get(job.name);
    if (!loop || loop.job !== job) return Promise.reject(new Error(`unknown job: ${job.name}`));
    if (abort.signal.aborted) return Promise.reject(new Error(`job runner stopped: ${job.name}`));
    return enqueueRun(loop, () => job.run(abort.signal));
  };
  const tick = async (loop: Loop): Promise<void> => {
    const due = loop.job.isDue?.(new Date()) ?? true;
    const effects = due ? await runLogged(loop, runNow) : undefined;
    if (!abort.signal.aborted)
      schedule(loop, effects && loop.job.nextDelayMs ? loop.job.nextDelayMs(effects) : undefined);
  };
  // A fresh timeout after each run: runs never pile up, and an unref'd timer never keeps the process alive.
  const schedule = (loop: Loop, delayMs = loop.job.everyMs): void => {
    loop.timer = setTimeout(() => void tick(loop), delayMs);
    loop.timer.unref();
  };

  for (const loop of loops.values()) schedule(loop);
  return {
    runNow,
    stop: () => stopLoops([...loops.values()], abort, logger, stopTimeoutMs),
  };
}

function createLoops(jobs: readonly JobDefinition[], logger: Logger): Map<string, Loop> {
  const loops = new Map<string, Loop>();
  for (const job of jobs) {
    if (loops.has(job.name)) throw new Error(`duplicate job name: ${job.name}`);
    if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
    loops.set(job.name, { job, log: logger.child({ job: job.name }), timer: undefined, tail: Promise.resolve() });
  }
  return loops;
}

/** Chains a run after the one under way: one job's runs never overlap, in one instance. */
function enqueueRun<Effects>(loop: Loop, work: () => Promise<Effects>): Promise<Effects> {
  const run = loop.tail.then(work);
  loop.tail = run.catch(() => undefined);
  return run;
}

/** A timer's run: effects at info, an outage at warn, anything else at error; never throws. */
async function runLogged(
  loop: Loop,
  runNow: (job: JobDefinition) => Promise<JobEffects>,
): Promise<JobEffects | undefined> {
  try {
    const effects = await runNow(loop.job);
    if (Object.values(effects).some((count) => count > 0)) loop.log.info(effects, "tâche de fond : effets produits");
    return effects;
  } catch (error) {
    if (isDatabaseUnavailable(error)) loop.log.warn({ err: error }, "tâche de fond suspendue : base injoignable");
    else loop.log.error({ err: error }, "tâche de fond : erreur inattendue");
    return undefined;
  }
}

/** Clears every timer, aborts, then waits for the runs under way, but no longer than `timeoutMs`. */
async function stopLoops(loops: Loop[], abort: AbortController, logger: Logger, timeoutMs: number): Promise<void> {
  abort.abort();
  for (const loop of loops) clearTimeout(loop.timer);
  const settled = Promise.allSettled(loops.map((loop) => loop.tail)).then(() => "done" as const);
  if ((await withinMs(settled, timeoutMs)) === "timeout") {
    logger.warn({ timeoutMs }, "arrêt des tâches de fond : exécution en cours abandonnée");
  }
}

/**
 * Resolves with the promise's value or "timeout". The timer is not unref'd on purpose: when the
 * hanging run is the only thing left, an unref'd timer would let Node exit before `stop()` resolves.
 */
function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
