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

function parisHour(now: Date): number {
  return Number(
    new Intl.DateTimeFormat("fr-FR", { hour: "numeric", hourCycle: "h23", timeZone: "Europe/Paris" }).format(now),
  );
}

/**
 * Checks every ten minutes; during the digest hour, queues the pending "daily"
 * notifications into the email outbox. Rows are claimed with SKIP LOCKED and
 * marked sent in the same transaction, so several instances never send one twice.
 */
export function commentDigestJob({ db, config }: { db: Kysely<Database>; config: Config }): JobDefinition<{
  queued: number;
}> {
  let lastDay = "";
  return {
    name: "comment-digest",
    everyMs: CHECK_EVERY_MS,
    isDue: (now) => {
      const day = now.toISOString().slice(0, 10);
      if (parisHour(now) !== DIGEST_HOUR || day === lastDay) return false;
      lastDay = day;
      return true;
    },
    run: async () => ({ queued: await sendDailyDigests(db, config.publicOrigin) }),
  };
}

export function startCommentDigest(options: { db: Kysely<Database>; config: Config; logger: Logger }): CommentDigest {
  const job = commentDigestJob(options);
  const runner = startJobRunner({ jobs: [job], logger: options.logger });
  return { runNow: () => runner.runNow(job).then(({ queued }) => queued), stop: runner.stop };
}
