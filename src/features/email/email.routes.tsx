import { type Context, Hono } from "hono";
import { DevEmailPage } from "../../../views/email/DevEmailPage.js";
import { DevMailboxPage } from "../../../views/email/DevMailboxPage.js";
import { emailText } from "../../../views/email/email.text.js";
import type { AppDeps, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { personal } from "../../http/middleware/private-cache.js";
import { ID, idParam } from "../../http/params.js";
import { renderPage } from "../../http/render.js";
import { isProduction } from "../../platform/config.js";
import { emailContent } from "./email.content.js";
import { findEmailById, listRecentEmails } from "./email.queries.js";
import { emailStatus } from "./email.service.js";

const MAILBOX_SIZE = 50;
// Identity column (bigint): anything else would be a Postgres cast error, i.e. a 500 instead of a 404.
const EMAIL_ID = /^[1-9][0-9]{0,17}$/;

/**
 * The development mailbox. Bodies hold secret links (invitations, resets): the
 * routes are not even registered in production, and every page is personal (never stored).
 */
export function emailRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  if (isProduction(deps.config)) return routes;
  return routes
    .use(personal)
    .get("/", (c) => showMailbox(c, deps))
    .get(`/${ID}`, (c) => showEmail(c, deps));
}

async function showMailbox(c: Context<AppEnv>, { db }: AppDeps) {
  const rows = await listRecentEmails(db, MAILBOX_SIZE);
  const emails = rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    kind: row.kind,
    recipient: row.recipient,
    subject: emailContent(row).subject,
    status: emailStatus(row),
    attempts: row.attempts,
  }));
  return renderPage(c, <DevMailboxPage emails={emails} />, { title: emailText.mailboxTitle });
}

async function showEmail(c: Context<AppEnv>, { db }: AppDeps) {
  const id = idParam(c);
  const row = EMAIL_ID.test(id) ? await findEmailById(db, id) : undefined;
  if (!row) throw notFound("Aucun courriel ne porte ce numéro.");
  const content = emailContent(row);
  const email = {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: content.subject,
    bodyText: content.text,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    status: emailStatus(row),
    attempts: row.attempts,
    lastError: row.last_error,
  };
  return renderPage(c, <DevEmailPage email={email} />, { title: email.subject || emailText.noSubject });
}
