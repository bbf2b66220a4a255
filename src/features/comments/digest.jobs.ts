import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { type JobDefinition, startJobRunner } from "../../jobs/runner.js";
import type { Config } from "../../platform/config.js";
import type { Logger } from "../../platform/logger.js";
import { sendDailyDigests } from "./notifications.service.js";

export interface CommentDigest {
  /** Queues the pending digests now (tests, admin); resolves with the number of emails queued. */
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

/** Paris time at which the daily digest leaves. */
export const DIGEST_HOUR = 7;
const CHECK_EVERY_MS = 10 * 60 * 1000;

const PARIS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The Paris day and hour of an instant, read from the formatter's parts (never from a localised string). */
export function parisDayAndHour(now: Date): { day: string; hour: number } {
  const part = (type: string) => PARIS.formatToParts(now).find((p) => p.type === type)?.value ?? "";
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

/**
 * Checks every ten minutes; during the digest hour (Paris), queues the pending "daily"
 * notifications into the email outbox. Recipients are claimed with SKIP LOCKED and their
 * lines marked sent in the same transaction, so several instances never send one twice.
 * The day counts as done only once a run succeeds: a failed run is tried again ten minutes later.
 */
export function commentDigestJob({ db, config }: { db: Kysely<Database>; config: Config }): JobDefinition<{
  queued: number;
}> {
  let lastDay = "";
  let dueDay: string | undefined;
  return {
    name: "comment-digest",
    everyMs: CHECK_EVERY_MS,
    isDue: (now) => {
      const { day, hour } = parisDayAndHour(now);
      dueDay = hour === DIGEST_HOUR && day !== lastDay ? day : undefined;
      return dueDay !== undefined;
    },
    run: async (signal) => {
      const day = dueDay;
      dueDay = undefined;
      const queued = await sendDailyDigests(db, config.publicOrigin, signal);
      if (day) lastDay = day;
      return { queued };
    },
  };
}

export function startCommentDigest(options: { db: Kysely<Database>; config: Config; logger: Logger }): CommentDigest {
  const job = commentDigestJob(options);
  const runner = startJobRunner({ jobs: [job], logger: options.logger });
  return { runNow: () => runner.runNow(job).then(({ queued }) => queued), stop: runner.stop };
}
