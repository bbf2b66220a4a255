import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { isDatabaseUnavailable } from "../db/errors.js";
import { sendDailyDigests } from "../features/comments/notifications.service.js";
import type { Config } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";

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
export function startCommentDigest({
  db,
  config,
  logger,
}: {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
}): CommentDigest {
  const log = logger.child({ job: "comment-digest" });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let lastDay = "";
  const runNow = () => {
    const run = running.then(() => sendDailyDigests(db, config.publicOrigin));
    running = run.catch(() => undefined);
    return run;
  };
  const tick = async () => {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    if (parisHour(now) !== DIGEST_HOUR || day === lastDay) return;
    lastDay = day;
    try {
      const sent = await runNow();
      if (sent > 0) log.info({ sent }, "résumés quotidiens des débats mis en file");
    } catch (error) {
      if (isDatabaseUnavailable(error)) log.warn({ err: error }, "résumés quotidiens suspendus : base injoignable");
      else log.error({ err: error }, "résumés quotidiens : erreur inattendue");
    }
  };
  timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
