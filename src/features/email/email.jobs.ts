import type { Kysely, Transaction } from "kysely";
import nodemailer from "nodemailer";
import type { EmailContent } from "../../../views/email/templates.js";
import type { Database } from "../../db/database.js";
import { type JobDefinition, startJobRunner } from "../../jobs/runner.js";
import type { Config } from "../../platform/config.js";
import type { Logger } from "../../platform/logger.js";
import { emailContent } from "./email.content.js";
import {
  claimDueEmails,
  type EmailRow,
  markEmailSent,
  purgeOldEmailBodies,
  recordFailedAttempt,
} from "./email.queries.js";
import { assertSubject, backoffDelayMs } from "./email.service.js";

export interface EmailOutbox {
  /** Sends one batch of due emails now (after any batch under way); resolves with the number sent. */
  deliverDue(): Promise<number>;
  /** Stops polling and waits for the batch under way, if any (bounded: see runner.ts). */
  stop(): Promise<void>;
}

export interface EmailOutboxOptions {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  /** Another SMTP server than config.smtpUrl (tests); sending itself is never replaced. */
  transport?: { smtpUrl: string };
}

type Send = (email: EmailRow, content: EmailContent) => Promise<void>;

const BATCH_SIZE = 20;
const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Polls the outbox. Each batch runs in one transaction whose claimed rows stay
 * locked until it commits, so several instances never send the same email.
 * Delivery is at least once: if the commit fails after a send, that email goes again.
 * A full batch is followed at once by the next; week-old bodies are blanked every ten minutes.
 */
export function emailOutboxJobs({ db, config, logger, transport }: EmailOutboxOptions) {
  const log = logger.child({ job: "email-outbox" });
  const send = createSender(transport?.smtpUrl ?? config.smtpUrl, config.emailFrom, log);
  const deliver: JobDefinition<{ sent: number }> = {
    name: "email-outbox",
    everyMs: config.emailPollIntervalMs,
    run: async (signal) => ({ sent: await deliverBatch(db, send, log, () => signal.aborted) }),
    nextDelayMs: ({ sent }) => (sent === BATCH_SIZE ? 0 : config.emailPollIntervalMs),
  };
  const purge: JobDefinition<{ purged: number }> = {
    name: "email-purge",
    everyMs: PURGE_EVERY_MS,
    run: async () => ({ purged: await purgeOldEmailBodies(db) }),
  };
  return { deliver, purge };
}

export function startEmailOutbox(options: EmailOutboxOptions): EmailOutbox {
  const { deliver, purge } = emailOutboxJobs(options);
  const runner = startJobRunner({ jobs: [deliver, purge], logger: options.logger });
  return { deliverDue: () => runner.runNow(deliver).then(({ sent }) => sent), stop: runner.stop };
}

async function deliverBatch(db: Kysely<Database>, send: Send, log: Logger, stopping: () => boolean) {
  return db.transaction().execute(async (trx) => {
    let sent = 0;
    for (const email of await claimDueEmails(trx, BATCH_SIZE)) {
      // Unsent rows are simply released at commit; another batch picks them up.
      if (stopping()) break;
      if (await deliverOne(trx, send, email, log)) sent += 1;
    }
    return sent;
  });
}

async function deliverOne(trx: Transaction<Database>, send: Send, email: EmailRow, log: Logger): Promise<boolean> {
  // Written now, from its template: the text is that of the day it is sent.
  let content: EmailContent;
  try {
    content = emailContent(email);
    assertSubject(content.subject);
    await send(email, content);
  } catch (error) {
    const attempts = email.attempts + 1;
    const delayMs = backoffDelayMs(attempts);
    const message = error instanceof Error ? error.message : String(error);
    await recordFailedAttempt(trx, email.id, message, delayMs === null ? null : new Date(Date.now() + delayMs));
    const context = { emailId: email.id, kind: email.kind, attempts, err: error };
    if (delayMs === null) log.error(context, "courriel abandonné après plusieurs échecs d'envoi");
    else log.warn({ ...context, retryInMs: delayMs }, "échec d'envoi d'un courriel, nouvel essai prévu");
    return false;
  }
  await markEmailSent(trx, email.id, content);
  return true;
}

/** SMTP when configured; otherwise only a log line (the body holds secret links and is never logged). */
function createSender(smtpUrl: string | undefined, from: string, log: Logger): Send {
  if (!smtpUrl) {
    return async (email, content) => {
      log.info(
        { emailId: email.id, kind: email.kind, to: email.recipient, subject: content.subject },
        "courriel non envoyé (SMTP_URL absent) : lisible sur /dev/courriels",
      );
    };
  }
  // Short timeouts: the batch holds its row locks and a database connection while it sends.
  const transporter = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return async (email, content) => {
    await transporter.sendMail({ to: email.recipient, subject: content.subject, text: content.text });
    log.info({ emailId: email.id, kind: email.kind, to: email.recipient }, "courriel envoyé");
  };
}
