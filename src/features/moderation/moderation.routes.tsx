import { type Context, Hono } from "hono";
import { moderationText as t } from "../../../views/moderation/moderation.text.js";
import { type ActionFormState, CommentModerationPage, QueuePage } from "../../../views/moderation/StaffPages.js";
import { requireCapability } from "../../auth/guards.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../http/env.js";
import { AppError, notFound } from "../../http/errors.js";
import { readForm } from "../../http/forms.js";
import { canonicalId, ID, idParam } from "../../http/params.js";
import { renderPage } from "../../http/render.js";
import { accountForm, hideForm, optionalReasonForm, reasonForm } from "./moderation.forms.js";
import { loadModeratedComment, loadQueue } from "./moderation.read.js";
import {
  dismissReports,
  hideComment,
  pinComment,
  restoreComment,
  suspendFromModeration,
} from "./moderation.service.js";
import { proposalModerationRoutes } from "./synthesis.routes.js";

type Ctx = Context<ActorEnv>;
const actor = (c: Ctx) => c.var.actor;
const done = (c: Ctx) => c.redirect("/moderation?message=fait", 303);

/** Moderators (and administrators), two-factor verified: the queue and every decision. */
export function moderationRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = new Hono<AppEnv>().use(requireCapability("moderate"));
  app.get("/", async (c) => {
    const { items, proposals } = await loadQueue(db);
    const message = c.req.query("message") === "fait" ? t.queue.done : undefined;
    return renderPage(c, <QueuePage items={items} proposals={proposals} message={message} />, {
      title: t.queue.title,
    });
  });
  app.get(`/commentaires/${ID}`, (c) => showComment(c, deps));
  app.post(`/commentaires/${ID}/masquer`, async (c) => {
    const form = await readForm(c, hideForm);
    if (!form.ok) return showComment(c, deps, { values: form.values, errors: form.errors }, 422);
    const input = { commentId: idParam(c), rule: form.data.regle, reason: form.data.motif };
    await hideComment(db, actor(c), { ...input, origin: deps.config.publicOrigin });
    return done(c);
  });
  app.post(`/commentaires/${ID}/retablir`, async (c) => {
    const form = await readForm(c, reasonForm);
    if (!form.ok) return showComment(c, deps, { values: form.values, errors: form.errors }, 422);
    const input = { commentId: idParam(c), reason: form.data.motif, origin: deps.config.publicOrigin };
    await restoreComment(db, actor(c), input);
    return done(c);
  });
  app.post(`/commentaires/${ID}/classer`, async (c) => {
    const form = await readForm(c, optionalReasonForm);
    if (!form.ok) return showComment(c, deps, { values: form.values, errors: form.errors }, 422);
    await dismissReports(db, actor(c), idParam(c), form.data["motif-classement"]);
    return done(c);
  });
  for (const [path, pinned] of [
    ["epingler", true],
    ["desepingler", false],
  ] as const) {
    app.post(`/commentaires/${ID}/${path}`, async (c) => {
      await pinComment(db, actor(c), idParam(c), pinned);
      return done(c);
    });
  }
  for (const [path, suspend] of [
    ["suspendre", true],
    ["reactiver", false],
  ] as const) {
    app.post(`/personnes/${ID}/${path}`, async (c) => {
      const userId = idParam(c);
      const form = await readForm(c, accountForm);
      const reason = form.ok ? form.data["motif-compte"] : "";
      const errors = form.ok
        ? suspend && reason === ""
          ? { "motif-compte": t.queue.reasonRequired }
          : null
        : form.errors;
      if (errors) return refusedOnCommentPage(c, deps, { values: form.values, errors });
      await suspendFromModeration(db, actor(c), { userId, suspend, reason });
      return done(c);
    });
  }
  app.route("/propositions", proposalModerationRoutes(deps));
  return app;
}

async function showComment(
  c: Ctx,
  deps: AppDeps,
  form: ActionFormState = {},
  status: 200 | 422 = 200,
  commentId = idParam(c),
) {
  const comment = await loadModeratedComment(deps.db, commentId);
  if (!comment) throw notFound("Ce commentaire n'existe pas.");
  return renderPage(c, <CommentModerationPage comment={comment} form={form} />, { title: t.queue.title }, status);
}

/** The account form sits on a comment's page (its hidden `commentaire`): a refusal goes back there, input kept. */
function refusedOnCommentPage(c: Ctx, deps: AppDeps, form: Required<ActionFormState>) {
  const commentId = canonicalId(form.values.commentaire);
  if (commentId === undefined)
    throw new AppError(422, "invalid", Object.values(form.errors)[0] ?? t.queue.reasonRequired);
  return showComment(c, deps, form, 422, commentId);
}
