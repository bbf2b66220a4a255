import { Hono } from "hono";
import { moderationText as t } from "../../../views/moderation/moderation.text.js";
import { CharterPage, ModerationJournalPage, ReportPage } from "../../../views/moderation/PublicPages.js";
import { requireUser } from "../../auth/guards.js";
import type { AppDeps, AppEnv, RouteDeps } from "../../http/env.js";
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
export function moderationPublicRoutes({ db, publicPage }: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.get("/charte", publicPage, (c) => renderPage(c, <CharterPage />, { title: t.charter.title }));
  app.get("/journal-de-moderation", publicPage, async (c) => {
    const entries = journalEntries(await listModerationJournal(db));
    return renderPage(c, <ModerationJournalPage entries={entries} />, { title: t.journal.title });
  });

  app.get(`/commentaires/${ID}/signaler`, requireUser, async (c) => {
    const back = await backLink(db, idParam(c));
    const state = c.req.query("etat");
    const known = state === "envoye" || state === "deja" ? state : undefined;
    return renderPage(c, <ReportPage commentId={idParam(c)} back={back} state={known} />, {
      title: t.report.title,
    });
  });
  app.post(`/commentaires/${ID}/signaler`, requireUser, async (c) => {
    const id = idParam(c);
    const back = await backLink(db, id);
    const form = await readForm(c, reportForm);
    if (!form.ok) {
      const page = <ReportPage commentId={id} back={back} values={form.values} errors={form.errors} />;
      return renderPage(c, page, { title: t.report.title }, 422);
    }
    const user = c.var.actor;
    const { created } = await reportComment(db, user, {
      commentId: id,
      rule: form.data.regle,
      note: form.data.precisions,
    });
    return c.redirect(`/commentaires/${id}/signaler?etat=${created ? "envoye" : "deja"}`, 303);
  });
  return app;
}

async function backLink(db: AppDeps["db"], id: string): Promise<string> {
  const row = await findCommentRow(db, id);
  if (!row) throw notFound("Ce commentaire n'existe pas.");
  return `/commentaires/${row.rootId ?? row.id}#c-${row.id}`;
}
