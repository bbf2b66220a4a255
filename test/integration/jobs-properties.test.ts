import { Writable } from "node:stream";
import { type Kysely, sql } from "kysely";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client.js";
import type { Database } from "../../src/db/database.js";
import type { Actor } from "../../src/domain/actor.js";
import { scheduleVote, startVoteScheduler, type VoteScheduler } from "../../src/features/ballots/index.js";
import { commentDigestJob, parisDayAndHour } from "../../src/features/comments/digest.jobs.js";
import { postComment, startCommentDigest } from "../../src/features/comments/index.js";
import { setFollowing, setFrequency } from "../../src/features/comments/notifications.queries.js";
import { type EmailOutbox, queueEmail, startEmailOutbox } from "../../src/features/email/index.js";
import { findActingMandate } from "../../src/mandates/mandates.queries.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger, type Logger } from "../../src/platform/logger.js";
import { createUser } from "../factories.js";
import { TEST_ORIGIN } from "../helpers/app.js";
import { testSigner } from "../helpers/checkpoints.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { asWritten } from "../helpers/emails.js";
import { freePort } from "../helpers/net.js";

/**
 * The four properties decision 013 relies on, for the three jobs (email outbox, vote
 * scheduler, comment digest), against a real Postgres; "two instances" are two runners on two
 * connection pools of the same database. Already proven elsewhere, so only the missing angle here:
 * - email-outbox.test.ts: an email queued in a rolled-back transaction is never sent; two outboxes
 *   calling deliverDue at once send 30 emails once each; the first retry waits >= 30 s; the backoff
 *   table (30 s, 1 min … give up at 8); the poll timer sends on its own.
 * - ballots-lifecycle.test.ts: runDueTransitions on three pools opens and closes one vote once;
 *   sendDueReminders twice on one pool reminds once.
 * - comments-notifications.test.ts: sendDailyDigests twice in a row gathers a person's lines once.
 *
 * Failures are made real with a deferred constraint trigger (test_fail_at_commit below): the
 * business work and its enqueued job are written, then the COMMIT itself is refused.
 */

let database: TestDatabase;
let db: Kysely<Database>;
/** A second instance: its own pool on the same database. */
let other: Kysely<Database>;
const cleanups: (() => Promise<void>)[] = [];
const silent = createLogger({ logLevel: "silent" });
const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", PUBLIC_ORIGIN: TEST_ORIGIN });

const FAILING_TABLES = ["comment", "proposal", "audit_event", "email_outbox"] as const;
type FailingTable = (typeof FAILING_TABLES)[number];
const VOTE_SLUGS = ["essai-vote-1", "essai-vote-2", "essai-vote-3", "essai-vote-4", "essai-vote-5", "essai-vote-6"];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  other = createDatabase({
    connectionString: database.url,
    statementTimeoutMs: 10_000,
    poolSize: 3,
    logger: silent,
  }).db;
  await installCommitFailures(db);
  // Proposals of our own for the vote tests (the seed's four stay in debate, for comments).
  for (const [i, slug] of VOTE_SLUGS.entries()) {
    await db
      .insertInto("proposal")
      .values({ number: 101 + i, slug, title: `Essai ${i + 1}`, body: "Texte de la proposition", status: "debat" })
      .execute();
  }
});
afterAll(async () => {
  await other.destroy();
  await database.destroy();
});
beforeEach(async () => {
  // Each test starts with an empty outbox and no pending digest line left by another test.
  await db.deleteFrom("email_outbox").execute();
  await db.updateTable("pending_notification").set({ sent_at: new Date() }).where("sent_at", "is", null).execute();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// --- Failure injection -------------------------------------------------------------------

async function installCommitFailures(target: Kysely<Database>): Promise<void> {
  await sql`create table test_commit_failure (table_name text primary key)`.execute(target);
  await sql`create function test_fail_at_commit() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from test_commit_failure where table_name = tg_table_name) then
        raise exception 'commit refused by the test (%)', tg_table_name;
      end if;
      return null;
    end $$`.execute(target);
  for (const table of FAILING_TABLES) {
    await sql`create constraint trigger ${sql.raw(`${table}_test_fail_at_commit`)}
      after insert or update on ${sql.table(table)} deferrable initially deferred
      for each row execute function test_fail_at_commit()`.execute(target);
  }
}

/** Every transaction that writes to `table` fails at COMMIT while `action` runs. */
async function whileCommitsFailOn<T>(table: FailingTable, action: () => Promise<T>): Promise<T> {
  await sql`insert into test_commit_failure (table_name) values (${table})`.execute(db);
  try {
    return await action();
  } finally {
    await sql`delete from test_commit_failure where table_name = ${table}`.execute(db);
  }
}

const REFUSED = /commit refused by the test/;

// --- Instances, people, mail ---------------------------------------------------------------

function track<T extends { stop(): Promise<void> }>(job: T): T {
  cleanups.push(() => job.stop());
  return job;
}

function startOutbox(pool: Kysely<Database>, smtpPort: number, options: { pollMs?: number; logger?: Logger } = {}) {
  const outboxConfig = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    // A long interval unless asked: only explicit deliverDue() calls send anything.
    EMAIL_POLL_INTERVAL_MS: String(options.pollMs ?? 600_000),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  });
  return track(startEmailOutbox({ db: pool, config: outboxConfig, logger: options.logger ?? silent }));
}

const startScheduler = (pool: Kysely<Database>, intervalMs?: number) =>
  track(startVoteScheduler({ db: pool, logger: silent, publicOrigin: TEST_ORIGIN, signer: testSigner, intervalMs }));

const startDigest = (pool: Kysely<Database>) => track(startCommentDigest({ db: pool, config, logger: silent }));

interface TestSmtp {
  port: number;
  messages: { to: string[]; raw: string }[];
  /** Recipients refused at RCPT TO (452, a temporary failure) while listed. */
  refused: Set<string>;
}

/** A real SMTP server on 127.0.0.1; `delayMs` slows each accepted message down. */
async function startSmtp({ delayMs = 0 }: { delayMs?: number } = {}): Promise<TestSmtp> {
  const port = await freePort();
  const smtp: TestSmtp = { port, messages: [], refused: new Set() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (!smtp.refused.has(address.address)) return callback();
      callback(Object.assign(new Error("Boîte temporairement indisponible"), { responseCode: 452 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        smtp.messages.push({
          to: session.envelope.rcptTo.map((a) => a.address),
          raw: Buffer.concat(chunks).toString(),
        });
        setTimeout(() => callback(), delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return smtp;
}

const received = (smtp: TestSmtp, to: string) => smtp.messages.filter((m) => m.to.includes(to)).length;

/** A representative as the services see them once signed in. */
async function representative(organisation: string): Promise<Actor> {
  const user = await createUser(db, { organisation });
  const mandate = await findActingMandate(db, { userId: user.id });
  const org = await db
    .selectFrom("organisation")
    .select(["id", "slug", "name"])
    .where("slug", "=", organisation)
    .executeTakeFirstOrThrow();
  if (!mandate) throw new Error("no mandate");
  return {
    id: user.id,
    email: user.email,
    displayName: `Représentant ${organisation}`,
    role: "representative",
    totpEnabled: false,
    mandate: { id: mandate.id, organisationId: org.id, organisationSlug: org.slug, organisationName: org.name },
  };
}

const proposalId = async (slug: string) =>
  (await db.selectFrom("proposal").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;

/** Someone following `slug`, notified "immediate" (the default) or in the "daily" digest. */
async function follower(slug: string, frequency: "immediate" | "daily") {
  const user = await createUser(db);
  if (frequency === "daily") await setFrequency(db, user.id, "daily");
  await setFollowing(db, user.id, await proposalId(slug), true);
  return user;
}

let keys = 0;
function comment(author: Actor, slug: string, body: string) {
  keys += 1;
  return postComment(
    db,
    author,
    { proposalSlug: slug, stance: "pour", body, idempotencyKey: `jobs-properties-${String(keys).padStart(4, "0")}` },
    TEST_ORIGIN,
  );
}

async function outboxRows(recipient: string, kind?: string) {
  let query = db.selectFrom("email_outbox").selectAll().where("recipient", "=", recipient);
  if (kind) query = query.where("kind", "=", kind);
  return (await query.orderBy("id").execute()).map(asWritten);
}

const pendingLines = async (userId: string) =>
  db.selectFrom("pending_notification").select(["id", "sent_at"]).where("user_id", "=", userId).execute();

// --- Votes -----------------------------------------------------------------------------------

async function kindsFor(slug: string): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_event as e")
    .innerJoin("proposal as p", "p.id", "e.proposal_id")
    .select("e.kind")
    .where("p.slug", "=", slug)
    .orderBy("e.id")
    .execute();
  return rows.map((r) => r.kind);
}

const statusOf = async (slug: string) =>
  (await db.selectFrom("proposal").select("status").where("slug", "=", slug).executeTakeFirstOrThrow()).status;

/** Polls with the monotonic clock: Date may be faked. */
async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

const HOUR_MS = 3600_000;
type VoteEffects = Awaited<ReturnType<VoteScheduler["runDue"]>>;

// =============================================================================================

describe("(1) the job is written in the business change's transaction", () => {
  it("comment: a comment refused at commit leaves no immediate email and no digest line; committed, each goes once", async () => {
    const smtp = await startSmtp();
    const outbox = startOutbox(db, smtp.port);
    const digest = startDigest(db);
    const writer = await representative("apvf");
    const immediate = await follower("stages", "immediate");
    const daily = await follower("stages", "daily");
    const body = "Un argument qui doit arriver une fois";

    await whileCommitsFailOn("comment", async () => {
      await expect(comment(writer, "stages", body)).rejects.toThrow(REFUSED);
    });
    expect(await db.selectFrom("comment").select("id").where("body", "=", body).execute()).toEqual([]);
    expect(await outboxRows(immediate.email)).toEqual([]);
    expect(await pendingLines(daily.id)).toEqual([]);
    expect(await digest.runNow()).toBe(0);
    expect(await outbox.deliverDue()).toBe(0);
    expect(smtp.messages).toHaveLength(0);

    await comment(writer, "stages", body);
    expect(await digest.runNow()).toBe(1);
    expect(await outbox.deliverDue()).toBe(2);
    expect(await digest.runNow()).toBe(0);
    expect(await outbox.deliverDue()).toBe(0);
    expect([received(smtp, immediate.email), received(smtp, daily.email)]).toEqual([1, 1]);
    expect((await outboxRows(immediate.email))[0]?.kind).toBe("comment_notification");
    expect((await outboxRows(daily.email))[0]?.kind).toBe("comment_digest");
  });

  it("vote scheduler: a schedule refused at commit is never acted on; committed, the vote opens once", async () => {
    const slug = VOTE_SLUGS[0] ?? "";
    const admin = await createUser(db, { role: "administrator", totp: true });
    const scheduler = startScheduler(db);
    const schedule = () =>
      scheduleVote(db, admin.id, slug, {
        opensAt: new Date(Date.now() - 60_000),
        closesAt: new Date(Date.now() + 3 * HOUR_MS),
        quorumFraction: 0.5,
        quorumCount: null,
        adoptionRule: "majorite_exprimes",
        showRunningTally: false,
      });

    await whileCommitsFailOn("proposal", async () => {
      await expect(schedule()).rejects.toThrow(REFUSED);
    });
    const row = await db.selectFrom("proposal").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();
    expect(row.vote_opens_at).toBeNull();
    expect((await scheduler.runDue()).transitions).toBe(0);
    expect(await statusOf(slug)).toBe("debat");
    expect(await kindsFor(slug)).toEqual([]);

    await schedule();
    expect((await scheduler.runDue()).transitions).toBe(1);
    expect((await scheduler.runDue()).transitions).toBe(0);
    expect(await statusOf(slug)).toBe("vote_ouvert");
    expect(await kindsFor(slug)).toEqual(["vote_opened"]);
  });
});

describe("(2) at least once, and each effect once across instances", () => {
  it("email: two outboxes polling on their own timers, on two pools, send 30 emails once each and share the work", async () => {
    const smtp = await startSmtp({ delayMs: 15 }); // a batch of 20 holds its locks for ~300 ms
    const recipients = Array.from({ length: 30 }, (_, i) => `minuterie${i}@exemple.fr`);
    for (const to of recipients) {
      await db
        .transaction()
        .execute((trx) => queueEmail(trx, { kind: "invitation", to, subject: "Objet", text: "Lien" }));
    }
    const logs = [captureLogs(), captureLogs()];
    const outboxes = [
      startOutbox(db, smtp.port, { pollMs: 20, logger: logs[0]?.logger }),
      startOutbox(other, smtp.port, { pollMs: 20, logger: logs[1]?.logger }),
    ];

    await waitUntil(() => smtp.messages.length >= 30);
    // Any batch still under way finishes before these resolve: nothing more may arrive.
    expect(await Promise.all(outboxes.map((o: EmailOutbox) => o.deliverDue()))).toEqual([0, 0]);

    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...recipients].sort());
    const sentBy = logs.map((l) => l.count("courriel envoyé"));
    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.min(...sentBy)).toBeGreaterThan(0);
    const rows = await db.selectFrom("email_outbox").select(["attempts", "sent_at"]).execute();
    expect(rows.every((row) => row.attempts === 1 && row.sent_at !== null)).toBe(true);
  });

  it("email: a send whose 'sent' mark fails to commit goes again at the next run (at least once, never lost)", async () => {
    const smtp = await startSmtp();
    const outbox = startOutbox(db, smtp.port);
    const to = "au-moins-une-fois@exemple.fr";
    const id = await db
      .transaction()
      .execute((trx) => queueEmail(trx, { kind: "invitation", to, subject: "Objet", text: "Lien" }));

    await whileCommitsFailOn("email_outbox", async () => {
      await expect(outbox.deliverDue()).rejects.toThrow(REFUSED);
    });
    expect(received(smtp, to)).toBe(1);
    const row = await db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sent_at: null, attempts: 0 });

    expect(await outbox.deliverDue()).toBe(1);
    expect(await outbox.deliverDue()).toBe(0);
    // The documented price of at-least-once: the SMTP server accepted it twice, the outbox records one send.
    expect(received(smtp, to)).toBe(2);
    const sent = await db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(sent.sent_at).toBeInstanceOf(Date);
    expect(sent.attempts).toBe(1);
  });

  it("vote scheduler: a transition refused at commit publishes nothing and is made, once, by the next run", async () => {
    const slug = VOTE_SLUGS[1] ?? "";
    const scheduler = startScheduler(db);
    await sql`update proposal set vote_opens_at = now() - interval '1 minute', vote_closes_at = now() + interval '3 hours'
              where slug = ${slug}`.execute(db);
    const id = await proposalId(slug);
    const liveKinds = async () =>
      (await db.selectFrom("live_event").select("kind").where("proposal_id", "=", id).orderBy("id").execute()).map(
        (r) => r.kind,
      );

    await whileCommitsFailOn("audit_event", async () => {
      await expect(scheduler.runDue()).rejects.toThrow(REFUSED);
    });
    expect(await statusOf(slug)).toBe("debat");
    expect(await kindsFor(slug)).toEqual([]);
    expect(await liveKinds()).toEqual([]);
    expect(
      await db.selectFrom("proposal_secret").select("proposal_id").where("proposal_id", "=", id).execute(),
    ).toEqual([]);

    expect((await scheduler.runDue()).transitions).toBe(1);
    expect((await scheduler.runDue()).transitions).toBe(0);
    expect(await kindsFor(slug)).toEqual(["vote_opened"]);

    await sql`update proposal set vote_closes_at = now() where slug = ${slug}`.execute(db);
    await whileCommitsFailOn("audit_event", async () => {
      await expect(scheduler.runDue()).rejects.toThrow(REFUSED);
    });
    expect(await statusOf(slug)).toBe("vote_ouvert");
    const secret = await db.selectFrom("proposal_secret").selectAll().where("proposal_id", "=", id).executeTakeFirst();
    expect(secret?.revealed_at).toBeNull();

    const closed = await scheduler.runDue();
    expect(closed).toMatchObject({ transitions: 1, checkpoints: 1 });
    expect((await scheduler.runDue()).transitions).toBe(0);
    expect(await kindsFor(slug)).toEqual(["vote_opened", "vote_closed", "result"]);
    expect(await liveKinds()).toEqual(["vote_opened", "vote_closed"]);
  });

  it("vote scheduler: two schedulers on two pools, at the same moment, open, remind, close and sign once each", async () => {
    const slugs = VOTE_SLUGS.slice(2, 5);
    const reps = [
      await representative("voix-des-patients-territoires"),
      await representative("union-infirmiers-liberaux-territoires"),
    ];
    const instances = [startScheduler(db), startScheduler(other)];
    const runBoth = () => Promise.all(instances.map((s) => s.runDue()));
    const total = (effects: VoteEffects[], key: keyof VoteEffects) => effects.reduce((sum, e) => sum + e[key], 0);
    const reminderRowCount = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from vote_reminder`.execute(db)).rows[0]?.n);
    const remindersBefore = await reminderRowCount();
    // Closing in 30 h: each opening is due now, and so is each one's 48 h reminder.
    await sql`update proposal set vote_opens_at = now() - interval '1 minute', vote_closes_at = now() + interval '30 hours'
              where slug in (${sql.join(slugs)})`.execute(db);
    const ids = await Promise.all(slugs.map(proposalId));
    const reminderEmails = async () => {
      const rows = await db
        .selectFrom("email_outbox")
        .select(["recipient", sql<string>`template->'params'->>'link'`.as("link")])
        .where("kind", "=", "vote_reminder")
        .execute();
      return rows;
    };

    const opened = await runBoth();
    expect(total(opened, "transitions")).toBe(3);
    for (const slug of slugs) expect(await kindsFor(slug)).toEqual(["vote_opened"]);
    // Every reminder queued by either instance is one (person, proposal) row and one email.
    const reminders = await reminderEmails();
    const keyed = reminders.map((r) => `${r.recipient} ${r.link}`);
    expect(new Set(keyed).size).toBe(keyed.length);
    for (const rep of reps) {
      expect(
        reminders.filter((r) => r.recipient === rep.email && slugs.some((s) => r.link.includes(`/propositions/${s}#`))),
      ).toHaveLength(3);
    }
    const newRows = (await reminderRowCount()) - remindersBefore;
    expect(newRows).toBeGreaterThanOrEqual(reps.length * slugs.length);
    expect(reminders).toHaveLength(newRows);
    expect(total(opened, "reminders")).toBe(newRows);
    const forTheseVotes = await db
      .selectFrom("vote_reminder")
      .select("user_id")
      .where("proposal_id", "in", ids)
      .execute();
    expect(forTheseVotes.filter((r) => reps.some((rep) => rep.id === r.user_id))).toHaveLength(6);

    const again = await runBoth();
    expect([total(again, "transitions"), total(again, "reminders")]).toEqual([0, 0]);

    await sql`update proposal set vote_closes_at = now() where slug in (${sql.join(slugs)})`.execute(db);
    const closed = await runBoth();
    expect(total(closed, "transitions")).toBe(3);
    for (const slug of slugs) expect(await kindsFor(slug)).toEqual(["vote_opened", "vote_closed", "result"]);
    expect(total(closed, "checkpoints")).toBeGreaterThanOrEqual(1);
    // Each state of the journal signed once, and the last signature covers every event.
    const { rows: duplicates } = await sql`select chain_length from audit_checkpoint group by chain_length
                                           having count(*) > 1`.execute(db);
    expect(duplicates).toEqual([]);
    const { rows: cover } = await sql<{ signed: string; events: string }>`
      select (select max(chain_length) from audit_checkpoint) as signed, (select count(*) from audit_event) as events`.execute(
      db,
    );
    expect(Number(cover[0]?.signed)).toBe(Number(cover[0]?.events));
    const last = await runBoth();
    expect(last.map((e) => e.transitions + e.reminders + e.checkpoints)).toEqual([0, 0]);
  });

  it("digest: two digest runners on two pools, at the same moment, queue one digest per person; a run refused at commit leaves the lines for the next", async () => {
    const writer = await representative("alliance-usagers-soins-proximite");
    const readers = await Promise.all(Array.from({ length: 6 }, () => follower("escap", "daily")));
    await comment(writer, "escap", "Premier argument du jour");
    await comment(writer, "escap", "Second argument du jour");
    const instances = [startDigest(db), startDigest(other)];

    await whileCommitsFailOn("email_outbox", async () => {
      const failed = await Promise.allSettled(instances.map((d) => d.runNow()));
      // One run claimed every line and was refused; the other found them locked (or none), queued nothing.
      expect(failed.some((r) => r.status === "rejected")).toBe(true);
      expect(failed.every((r) => r.status === "rejected" || r.value === 0)).toBe(true);
    });
    for (const reader of readers) {
      expect((await pendingLines(reader.id)).map((l) => l.sent_at)).toEqual([null, null]);
      expect(await outboxRows(reader.email)).toEqual([]);
    }

    const counts = await Promise.all(instances.map((d) => d.runNow()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect(await Promise.all(instances.map((d) => d.runNow()))).toEqual([0, 0]);
    for (const reader of readers) {
      const digests = await outboxRows(reader.email, "comment_digest");
      expect(digests).toHaveLength(1);
      expect(digests[0]?.subject).toContain("2 nouveautés");
      expect((await pendingLines(reader.id)).every((l) => l.sent_at !== null)).toBe(true);
    }
  });
});

describe("(3) retries with backoff", () => {
  it("email: a refused delivery is retried only when due, after 30 s, 1 min, 2 min; the rest of its batch goes once", async () => {
    const smtp = await startSmtp();
    const outbox = startOutbox(db, smtp.port);
    const refused = "boite-pleine@exemple.fr";
    smtp.refused.add(refused);
    const ids: Record<string, string> = {};
    for (const to of ["avant@exemple.fr", refused, "apres@exemple.fr"]) {
      ids[to] = await db
        .transaction()
        .execute((trx) => queueEmail(trx, { kind: "invitation", to, subject: "Objet", text: "Lien" }));
    }
    const row = () =>
      db
        .selectFrom("email_outbox")
        .selectAll()
        .where("id", "=", ids[refused] ?? "")
        .executeTakeFirstOrThrow();
    const makeDue = () => sql`update email_outbox set next_attempt_at = now() where id = ${ids[refused]}`.execute(db);

    const delays: number[] = [];
    for (const [attempt, expected] of [30_000, 60_000, 120_000].entries()) {
      if (attempt > 0) await makeDue();
      const before = Date.now();
      expect(await outbox.deliverDue()).toBe(attempt === 0 ? 2 : 0);
      const after = Date.now();
      const failed = await row();
      expect(failed).toMatchObject({ attempts: attempt + 1, sent_at: null, failed_at: null });
      expect(failed.last_error).toMatch(/452|Boîte temporairement indisponible|recipients/i);
      expect(failed.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + expected);
      expect(failed.next_attempt_at.getTime()).toBeLessThanOrEqual(after + expected);
      delays.push(failed.next_attempt_at.getTime() - before);
      // Not before it is due: another run right away leaves it alone.
      expect(await outbox.deliverDue()).toBe(0);
      expect((await row()).attempts).toBe(attempt + 1);
    }
    expect(delays[1]).toBeGreaterThan(delays[0] ?? Number.POSITIVE_INFINITY);
    expect(delays[2]).toBeGreaterThan(delays[1] ?? Number.POSITIVE_INFINITY);

    smtp.refused.delete(refused);
    await makeDue();
    expect(await outbox.deliverDue()).toBe(1);
    expect(await row()).toMatchObject({ attempts: 4, last_error: null });
    expect(await outbox.deliverDue()).toBe(0);
    expect(["avant@exemple.fr", refused, "apres@exemple.fr"].map((to) => received(smtp, to))).toEqual([1, 1, 1]);
  });
});

describe("(4) schedules", () => {
  it("vote scheduler: two instances on their timers open at the opening time and close at the closing time, not before", async () => {
    const slug = VOTE_SLUGS[5] ?? "";
    const { rows } = await sql<{ opens: Date; closes: Date }>`
      update proposal set vote_opens_at = now() + interval '800 milliseconds', vote_closes_at = now() + interval '1600 milliseconds'
      where slug = ${slug} returning vote_opens_at as opens, vote_closes_at as closes`.execute(db);
    const { opens, closes } = rows[0] ?? { opens: new Date(Number.NaN), closes: new Date(Number.NaN) };
    startScheduler(db, 40);
    startScheduler(other, 40);

    // Watch the status against the database clock, the one the scheduler reads.
    const seen: { at: Date; status: string }[] = [];
    await waitUntil(async () => {
      const { rows: now } = await sql<{ at: Date; status: string }>`
        select now() as at, status from proposal where slug = ${slug}`.execute(db);
      if (now[0]) seen.push(now[0]);
      return now[0]?.status === "clos";
    }, 6000);
    expect(seen.filter((s) => s.at < opens).length).toBeGreaterThan(3);
    expect(seen.filter((s) => s.at < opens).every((s) => s.status === "debat")).toBe(true);
    expect(seen.filter((s) => s.at < closes).every((s) => s.status !== "clos")).toBe(true);

    const events = await db
      .selectFrom("audit_event as e")
      .innerJoin("proposal as p", "p.id", "e.proposal_id")
      .select(["e.kind", "e.created_at"])
      .where("p.slug", "=", slug)
      .orderBy("e.id")
      .execute();
    expect(events.map((e) => e.kind)).toEqual(["vote_opened", "vote_closed", "result"]);
    const [openedAt, closedAt] = events.map((e) => e.created_at.getTime());
    expect(openedAt).toBeGreaterThanOrEqual(opens.getTime());
    expect(openedAt).toBeLessThan(opens.getTime() + 1000); // within a few 40 ms ticks
    expect(closedAt).toBeGreaterThanOrEqual(closes.getTime());
    expect(closedAt).toBeLessThan(closes.getTime() + 1000);
    // Closed by the schedule: the closing time stays the scheduled one.
    const row = await db
      .selectFrom("proposal")
      .select("vote_closes_at")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect(row.vote_closes_at?.getTime()).toBe(closes.getTime());
  });
});

function captureLogs() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return {
    logger: pino({ level: "info" }, sink),
    count: (message: string) => lines.filter((line) => line.includes(message)).length,
  };
}

describe("(4) schedules: the daily digest at 07:00 Europe/Paris", () => {
  it("reads the Paris hour and day from the instant, winter, summer and both clock changes", () => {
    const cases: [string, string, number][] = [
      ["2026-01-15T05:59:00Z", "2026-01-15", 6],
      ["2026-01-15T06:00:00Z", "2026-01-15", 7],
      ["2026-07-15T05:00:00Z", "2026-07-15", 7],
      ["2026-03-29T05:00:00Z", "2026-03-29", 7], // summer time began at 01:00 UTC
      ["2026-10-25T06:00:00Z", "2026-10-25", 7], // winter time began at 01:00 UTC
      ["2026-12-31T23:30:00Z", "2027-01-01", 0],
    ];
    for (const [instant, day, hour] of cases)
      expect(parisDayAndHour(new Date(instant)), instant).toEqual({ day, hour });
  });

  it("is due once a day in the digest hour, and again ten minutes later when the run failed", async () => {
    const job = commentDigestJob({ db, config });
    const signal = new AbortController().signal;
    expect(job.isDue?.(new Date("2026-01-15T05:59:00Z"))).toBe(false);
    expect(job.isDue?.(new Date("2026-01-15T06:00:00Z"))).toBe(true);
    await whileCommitsFailOn("email_outbox", async () => {
      const writer = await representative("alliance-usagers-soins-proximite");
      await follower("guichet-unique", "daily");
      await comment(writer, "guichet-unique", "Une ligne pour le résumé");
      await expect(job.run(signal)).rejects.toThrow(REFUSED);
    });
    expect(job.isDue?.(new Date("2026-01-15T06:10:00Z"))).toBe(true);
    expect(await job.run(signal)).toEqual({ queued: 1 });
    expect(job.isDue?.(new Date("2026-01-15T06:20:00Z"))).toBe(false);
    expect(job.isDue?.(new Date("2026-01-15T08:00:00Z"))).toBe(false);
    expect(job.isDue?.(new Date("2026-01-16T06:00:00Z"))).toBe(true);
  });

  it("sends every recipient's lines in one digest, however many recipients, with two instances at once", async () => {
    const writer = await representative("alliance-usagers-soins-proximite");
    const first = await comment(writer, "exercice-mixte", "Premier sujet du jour");
    const second = await comment(writer, "exercice-mixte", "Second sujet du jour");
    const readers = Array.from({ length: 260 }, (_, i) => `lecteur-${i}-${keys}@exemple.fr`);
    const ids = await db
      .insertInto("app_user")
      .values(readers.map((email) => ({ email, display_name: email, role: "representative", password_hash: "x" })))
      .returning("id")
      .execute();
    await db
      .insertInto("notification_setting")
      .values(ids.map(({ id }) => ({ user_id: id, frequency: "daily" })))
      .execute();
    await db
      .insertInto("pending_notification")
      .values(
        ids.flatMap(({ id }) =>
          [first.id, second.id].map((commentId) => ({
            user_id: id,
            comment_id: commentId,
            reason: "followed" as const,
          })),
        ),
      )
      .execute();

    const counts = await Promise.all([startDigest(db), startDigest(other)].map((d) => d.runNow()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(readers.length);
    const perRecipient = await db
      .selectFrom("email_outbox")
      .select(["recipient", db.fn.countAll<string>().as("n")])
      .where("kind", "=", "comment_digest")
      .where("recipient", "in", readers)
      .groupBy("recipient")
      .execute();
    expect(perRecipient).toHaveLength(readers.length);
    expect(perRecipient.every((row) => Number(row.n) === 1)).toBe(true);
    const one = (await outboxRows(readers[0] ?? "", "comment_digest"))[0];
    expect(one?.subject).toContain("2 nouveautés");
  });
});
