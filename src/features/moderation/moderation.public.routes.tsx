import { type Context, Hono } from "hono";
import { moderationText as t } from "../../../views/moderation/moderation.text.js";
import { CharterPage, ModerationJournalPage, ReportPage } from "../../../views/moderation/PublicPages.js";
import { requireUser } from "../../auth/guards.js";
import type { ActorEnv, AppDeps, AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { readForm } from "../../http/forms.js";
import { ID, idParam } from "../../http/params.js";
import { renderPage } from "../../http/render.js";
import { findCommentRow } from "../comments/index.js";
import { reportForm } from "./moderation.forms.js";
import { journalEntries } from "./moderation.journal.js";
import { listModerationJournal } from "./moderation.queries.js";
import { reportComment } from "./moderation.service.js";

/** Public: the charter, the moderation journal; signed in: reporting a comment. */
export function moderationPublicRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/charte", deps.publicPage, (c) => showCharter(c))
    .get("/journal-de-moderation", deps.publicPage, (c) => showModerationJournal(c, deps))
    .get(`/commentaires/${ID}/signaler`, requireUser, (c) => showReportForm(c, deps))
    .post(`/commentaires/${ID}/signaler`, requireUser, (c) => postReport(c, deps));
}

function showCharter(c: Context<AppEnv>) {
  return renderPage(c, <CharterPage />, { title: t.charter.title });
}

async function showModerationJournal(c: Context<AppEnv>, deps: RouteDeps) {
  const entries = journalEntries(await listModerationJournal(deps.db));
  return renderPage(c, <ModerationJournalPage entries={entries} />, { title: t.journal.title });
}

async function showReportForm(c: Context<ActorEnv>, deps: RouteDeps) {
  const back = await backLink(deps.db, idParam(c));
  const state = c.req.query("etat");
  const known = state === "envoye" || state === "deja" ? state : undefined;
  return renderPage(c, <ReportPage commentId={idParam(c)} back={back} state={known} />, {
    title: t.report.title,
  });
}

async function postReport(c: Context<ActorEnv>, deps: RouteDeps) {
  const id = idParam(c);
  const back = await backLink(deps.db, id);
  const form = await readForm(c, reportForm);
  if (!form.ok) {
    const page = <ReportPage commentId={id} back={back} values={form.values} errors={form.errors} />;
    return renderPage(c, page, { title: t.report.title }, 422);
  }
  const user = c.var.actor;
  const { created } = await reportComment(deps.db, user, {
    commentId: id,
    rule: form.data.regle,
    note: form.data.precisions,
  });
  return c.redirect(`/commentaires/${id}/signaler?etat=${created ? "envoye" : "deja"}`, 303);
}

async function backLink(db: AppDeps["db"], id: string): Promise<string> {
  const row = await findCommentRow(db, id);
  if (!row) throw notFound("Ce commentaire n'existe pas.");
  return `/commentaires/${row.rootId ?? row.id}#c-${row.id}`;
}
