import { Writable } from "node:stream";
import { type Kysely, sql } from "kysely";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client.js";
import type { Database } from "../../src/db/database.js";
import { purgeOldEmailBodies } from "../../src/features/email/email.queries.js";
import {
  backoffDelayMs,
  InvalidEmailError,
  queueEmail,
  recentEmailCount,
} from "../../src/features/email/email.service.js";
import { type EmailOutbox, startEmailOutbox } from "../../src/features/email/index.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger, type Logger } from "../../src/platform/logger.js";
import { splitLinks } from "../../views/email/DevEmailPage.js";
import { createTestApp } from "../helpers/app.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { freePort } from "../helpers/net.js";

interface ReceivedMessage {
  to: string[];
  raw: string;
}

interface TestSmtpServer {
  port: number;
  messages: ReceivedMessage[];
  close(): Promise<void>;
}

let database: TestDatabase;
const running: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.db.deleteFrom("email_outbox").execute();
});
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.stop();
});

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts. */
async function startSmtpServer(port?: number): Promise<TestSmtpServer> {
  const listenPort = port ?? (await freePort());
  const messages: ReceivedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.push({ to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", () => resolve());
  });
  const smtp = {
    port: listenPort,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  running.push({ stop: smtp.close });
  return smtp;
}

function startOutbox(
  env: Record<string, string>,
  { db = database.db, logger }: { db?: Kysely<Database>; logger?: Logger } = {},
): EmailOutbox {
  // A long interval: only the test's explicit deliverDue() calls send anything.
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", EMAIL_POLL_INTERVAL_MS: "600000", ...env });
  const outbox = startEmailOutbox({ db, config, logger: logger ?? createLogger(config) });
  running.push(outbox);
  return outbox;
}

const smtpUrl = (port: number) => ({ SMTP_URL: `smtp://127.0.0.1:${port}` });

function queueInTransaction(email: { to: string; subject?: string; text?: string; kind?: string }) {
  return database.db.transaction().execute((trx) =>
    queueEmail(trx, {
      kind: email.kind ?? "invitation",
      to: email.to,
      subject: email.subject ?? "Invitation",
      text: email.text ?? "Bonjour",
    }),
  );
}

function findRow(id: string) {
  return database.db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function decodeQuotedPrintable(value: string): string {
  const input = value.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i += 1) {
    const hex = input.slice(i + 1, i + 3);
    if (input[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(input.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Just enough MIME for a single-part text message: header lookup, encoded words, body transfer encoding. */
function parseMessage(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) =>
    headerText
      .split("\r\n")
      .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? "";
  const subject = header("Subject")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_word, encoding: string, data: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
  const encodedBody = raw.slice(split + 4);
  const transfer = header("Content-Transfer-Encoding").toLowerCase();
  const body =
    transfer === "quoted-printable"
      ? decodeQuotedPrintable(encodedBody)
      : transfer === "base64"
        ? Buffer.from(encodedBody, "base64").toString("utf8")
        : encodedBody;
  return { from: header("From"), to: header("To"), subject, body: body.replace(/\r\n/g, "\n").trim() };
}

const FRENCH_SUBJECT = "Invitation à la concertation « Accès aux soins » — répondez vite";
const FRENCH_BODY =
  "Bonjour Élodie,\n\nVous êtes invitée à représenter votre organisation : ça se passe ici, à l'adresse\nhttp://localhost:3000/invitation/secret-abc123\n\nÀ bientôt,\nl'équipe de Concertation — œuvrons ensemble.";

describe("email outbox over real SMTP", () => {
  it("writes a templated email when it sends it, not when it is queued, and keeps what was sent", async () => {
    const smtp = await startSmtpServer();
    const outbox = startOutbox(smtpUrl(smtp.port));
    const link = "http://localhost:3000/invitation/secret-modele";
    const id = await database.db.transaction().execute((trx) =>
      queueEmail(trx, {
        kind: "invitation",
        to: "modele@exemple.fr",
        template: { name: "invitation", params: { link } },
      }),
    );
    const queued = await findRow(id);
    expect(queued).toMatchObject({ subject: "", body_text: "", lang: "fr", template: { name: "invitation" } });

    expect(await outbox.deliverDue()).toBe(1);
    const message = parseMessage(smtp.messages[0]?.raw ?? "");
    expect(message.subject).toBe("Concertation : votre invitation");
    expect(message.body).toContain(link);
    const sent = await findRow(id);
    expect(sent).toMatchObject({ subject: "Concertation : votre invitation" });
    expect(sent.body_text).toContain(link);
  });

  it("delivers an email queued in a committed transaction, UTF-8 intact, and marks it sent", async () => {
    const smtp = await startSmtpServer();
    const outbox = startOutbox(smtpUrl(smtp.port));
    const id = await queueInTransaction({
      to: "  Elodie.Martin@Exemple.FR ",
      subject: FRENCH_SUBJECT,
      text: FRENCH_BODY,
    });

    expect(await outbox.deliverDue()).toBe(1);

    expect(smtp.messages).toHaveLength(1);
    const [received] = smtp.messages;
    expect(received?.to).toEqual(["elodie.martin@exemple.fr"]);
    const message = parseMessage(received?.raw ?? "");
    expect(message.to).toBe("elodie.martin@exemple.fr");
    expect(message.from).toContain("ne-pas-repondre@concertation.localhost");
    expect(message.subject).toBe(FRENCH_SUBJECT);
    expect(message.body).toBe(FRENCH_BODY);
    const row = await findRow(id);
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row).toMatchObject({ attempts: 1, last_error: null, failed_at: null });
    expect(await outbox.deliverDue()).toBe(0);
    expect(smtp.messages).toHaveLength(1);
  });

  it("never sends an email whose transaction rolled back", async () => {
    const smtp = await startSmtpServer();
    const outbox = startOutbox(smtpUrl(smtp.port));
    const rolledBack = database.db.transaction().execute(async (trx) => {
      await queueEmail(trx, { kind: "invitation", to: "annulee@exemple.fr", subject: "Invitation", text: "Lien" });
      throw new Error("l'action échoue après la mise en file");
    });
    await expect(rolledBack).rejects.toThrow("l'action échoue");

    expect(await outbox.deliverDue()).toBe(0);
    expect(smtp.messages).toHaveLength(0);
    const rows = await database.db.selectFrom("email_outbox").select("id").execute();
    expect(rows).toHaveLength(0);
  });

  it("retries later with backoff while the SMTP server is down, then delivers once it is back", async () => {
    const port = await freePort();
    const outbox = startOutbox(smtpUrl(port));
    const id = await queueInTransaction({ to: "retard@exemple.fr" });

    const before = Date.now();
    expect(await outbox.deliverDue()).toBe(0);
    const failed = await findRow(id);
    expect(failed).toMatchObject({ attempts: 1, sent_at: null, failed_at: null });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    expect(await outbox.deliverDue()).toBe(0);
    expect((await findRow(id)).attempts).toBe(1);

    const smtp = await startSmtpServer(port);
    await sql`update email_outbox set next_attempt_at = now() where id = ${id}`.execute(database.db);
    expect(await outbox.deliverDue()).toBe(1);
    expect(smtp.messages.map((m) => m.to)).toEqual([["retard@exemple.fr"]]);
    expect(await findRow(id)).toMatchObject({ attempts: 2, last_error: null });
  });

  it("gives up after the eighth failed attempt", async () => {
    const outbox = startOutbox(smtpUrl(await freePort()));
    const id = await queueInTransaction({ to: "perdu@exemple.fr" });
    await sql`update email_outbox set attempts = 7 where id = ${id}`.execute(database.db);

    expect(await outbox.deliverDue()).toBe(0);
    const row = await findRow(id);
    expect(row).toMatchObject({ attempts: 8, sent_at: null });
    expect(row.failed_at).toBeInstanceOf(Date);
    await sql`update email_outbox set next_attempt_at = now() where id = ${id}`.execute(database.db);
    expect(await outbox.deliverDue()).toBe(0);
    expect((await findRow(id)).attempts).toBe(8);
  });

  it("two instances polling the same database send each email exactly once", async () => {
    const smtp = await startSmtpServer();
    const recipients = Array.from({ length: 30 }, (_, i) => `personne${i}@exemple.fr`);
    for (const to of recipients) await queueInTransaction({ to });
    const other = createDatabase({
      connectionString: database.url,
      statementTimeoutMs: 10_000,
      poolSize: 2,
      logger: createLogger({ logLevel: "silent" }),
    });
    running.push({ stop: () => other.db.destroy() });
    const first = startOutbox(smtpUrl(smtp.port));
    const second = startOutbox(smtpUrl(smtp.port), { db: other.db });

    const counts = await Promise.all([first.deliverDue(), second.deliverDue()]);

    // Each batch holds at most 20: both instances had to work, on disjoint rows.
    expect(counts[0] + counts[1]).toBe(30);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
    expect(smtp.messages).toHaveLength(30);
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...recipients].sort());
    const rows = await database.db.selectFrom("email_outbox").select(["attempts", "sent_at"]).execute();
    expect(rows.every((row) => row.attempts === 1 && row.sent_at !== null)).toBe(true);
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function captureLogs() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: "info" }, sink), text: () => lines.join("") };
}

describe("email outbox timer", () => {
  it("sends on its own at each poll", async () => {
    const smtp = await startSmtpServer();
    startOutbox({ ...smtpUrl(smtp.port), EMAIL_POLL_INTERVAL_MS: "50" });
    await queueInTransaction({ to: "minuterie@exemple.fr" });
    await waitUntil(() => smtp.messages.length === 1);
    expect(smtp.messages[0]?.to).toEqual(["minuterie@exemple.fr"]);
  });

  it("logs and keeps polling while the database is unreachable, without throwing", async () => {
    const unreachable = createDatabase({
      connectionString: `postgres://concertation@127.0.0.1:${await freePort()}/concertation`,
      statementTimeoutMs: 1000,
      poolSize: 1,
      logger: createLogger({ logLevel: "silent" }),
    });
    running.push({ stop: () => unreachable.db.destroy() });
    const logs = captureLogs();
    const outbox = startOutbox({ EMAIL_POLL_INTERVAL_MS: "20" }, { db: unreachable.db, logger: logs.logger });
    await waitUntil(() => logs.text().split("base injoignable").length > 2);
    await outbox.stop();
  });
});

describe("queueing rules", () => {
  it("refuses header injection in the subject or the recipient, and stores nothing", async () => {
    const attempts = [
      { to: "victime@exemple.fr", subject: "Bonjour\r\nBcc: espion@exemple.fr" },
      { to: "victime@exemple.fr", subject: "Bonjour\nBcc: espion@exemple.fr" },
      { to: "victime@exemple.fr\r\nBcc: espion@exemple.fr", subject: "Bonjour" },
      { to: "victime@exemple.fr, espion@exemple.fr", subject: "Bonjour" },
      { to: "pas-une-adresse", subject: "Bonjour" },
    ];
    for (const attempt of attempts) {
      await expect(queueInTransaction(attempt)).rejects.toBeInstanceOf(InvalidEmailError);
    }
    expect(await database.db.selectFrom("email_outbox").select("id").execute()).toHaveLength(0);
  });

  it("counts recent emails of a kind per recipient, whatever the case of the address", async () => {
    await queueInTransaction({ to: "Camille@Exemple.fr", kind: "password_reset" });
    const old = await queueInTransaction({ to: "camille@exemple.fr", kind: "password_reset" });
    await queueInTransaction({ to: "camille@exemple.fr", kind: "invitation" });
    await sql`update email_outbox set created_at = now() - interval '2 hours' where id = ${old}`.execute(database.db);

    expect(await recentEmailCount(database.db, { kind: "password_reset", to: "CAMILLE@exemple.FR" })).toBe(1);
    expect(
      await recentEmailCount(database.db, { kind: "password_reset", to: "camille@exemple.fr", windowMs: 3 * 3600_000 }),
    ).toBe(2);
  });

  it("blanks the bodies (and their single-use links) of emails sent over a week ago, and only those", async () => {
    const old = await queueInTransaction({ to: "ancien@exemple.fr", text: "lien secret ancien" });
    const recent = await queueInTransaction({ to: "recent@exemple.fr", text: "lien secret récent" });
    const pending = await queueInTransaction({ to: "attente@exemple.fr", text: "lien secret en attente" });
    await sql`update email_outbox set sent_at = now() - interval '8 days' where id = ${old}`.execute(database.db);
    await sql`update email_outbox set sent_at = now() - interval '1 day' where id = ${recent}`.execute(database.db);
    expect(await purgeOldEmailBodies(database.db)).toBeGreaterThanOrEqual(1);
    const bodies = await database.db
      .selectFrom("email_outbox")
      .select(["id", "body_text"])
      .where("id", "in", [old, recent, pending])
      .execute();
    const byId = new Map(bodies.map((row) => [row.id, row.body_text]));
    expect(byId.get(old)).toBe("");
    expect(byId.get(recent)).toBe("lien secret récent");
    expect(byId.get(pending)).toBe("lien secret en attente");
  });

  it("backs off exponentially from 30 s and gives up after 8 attempts", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map(backoffDelayMs);
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, null]);
    expect(backoffDelayMs(0)).toBe(30_000);
  });
});

describe("without SMTP_URL", () => {
  it("logs the email without its body and marks it sent", async () => {
    const logs = captureLogs();
    const outbox = startOutbox({}, { logger: logs.logger });
    const id = await queueInTransaction({ to: "demo@exemple.fr", subject: "Votre lien", text: FRENCH_BODY });

    expect(await outbox.deliverDue()).toBe(1);
    expect((await findRow(id)).sent_at).toBeInstanceOf(Date);
    expect(logs.text()).toContain("demo@exemple.fr");
    expect(logs.text()).toContain("Votre lien");
    expect(logs.text()).not.toContain("secret-abc123");
  });
});

/** The real application, as createApp builds it. */
function mailboxApp(env: Record<string, string>) {
  return createTestApp(database.db, env).app;
}

describe("/dev/courriels", () => {
  const body =
    "Bonjour,\n\nOuvrez http://localhost:3000/invitation/secret-abc123.\n<script>alert(1)</script> javascript:alert(2)";

  it("lists the latest emails and shows a body with its links, escaped, in development", async () => {
    const app = mailboxApp({ NODE_ENV: "development" });
    const id = await queueInTransaction({ to: "lecture@exemple.fr", subject: "Votre invitation", text: body });

    const list = await app.request("/dev/courriels");
    expect(list.status).toBe(200);
    expect(list.headers.get("Cache-Control")).toBe("private, no-store");
    const listHtml = await list.text();
    expect(listHtml).toContain('<caption id="courriels-liste">Le dernier courriel</caption>');
    expect(listHtml).toContain('<th scope="col">Destinataire</th>');
    expect(listHtml).toContain("lecture@exemple.fr");
    expect(listHtml).toContain(`<a href="/dev/courriels/${id}">Votre invitation</a>`);
    expect(listHtml).toContain("en attente");

    const page = await app.request(`/dev/courriels/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Votre invitation</h1>");
    expect(html).toContain(
      '<a href="http://localhost:3000/invitation/secret-abc123" rel="noopener noreferrer">http://localhost:3000/invitation/secret-abc123</a>.',
    );
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain('href="javascript:');
  });

  it("answers 404 for an unknown or malformed email number", async () => {
    const app = mailboxApp({ NODE_ENV: "development" });
    expect((await app.request("/dev/courriels/999999999")).status).toBe(404);
    expect((await app.request("/dev/courriels/abc")).status).toBe(404);
    expect((await app.request("/dev/courriels/99999999999999999999999")).status).toBe(404);
  });

  it("does not exist in production", async () => {
    const app = mailboxApp({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://concertation@127.0.0.1:5432/concertation",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    const id = await queueInTransaction({ to: "prod@exemple.fr" });
    expect((await app.request("/dev/courriels")).status).toBe(404);
    expect((await app.request(`/dev/courriels/${id}`)).status).toBe(404);
  });

  it("splits text around http(s) links only, leaving trailing punctuation outside", () => {
    expect(splitLinks("Voir https://exemple.fr/a?b=1, puis ftp://x et javascript:alert(1).")).toEqual([
      { link: false, text: "Voir " },
      { link: true, text: "https://exemple.fr/a?b=1" },
      { link: false, text: ", puis ftp://x et javascript:alert(1)." },
    ]);
  });
});
