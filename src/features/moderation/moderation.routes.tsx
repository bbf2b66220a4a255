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

/** Moderators (and administrators), two-factor verified: the queue and every decision. */
export function moderationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>().use(requireCapability("moderate"));
  app.get("/", (c) => showQueue(c, deps));
  app.get(`/commentaires/${ID}`, (c) => showComment(c, deps));
  app.post(`/commentaires/${ID}/masquer`, (c) => postHide(c, deps));
  app.post(`/commentaires/${ID}/retablir`, (c) => postRestore(c, deps));
  app.post(`/commentaires/${ID}/classer`, (c) => postDismissReports(c, deps));
  app.post(`/commentaires/${ID}/epingler`, (c) => pinOrUnpin(c, deps, true));
  app.post(`/commentaires/${ID}/desepingler`, (c) => pinOrUnpin(c, deps, false));
  app.post(`/personnes/${ID}/suspendre`, (c) => suspendOrReactivate(c, deps, true));
  app.post(`/personnes/${ID}/reactiver`, (c) => suspendOrReactivate(c, deps, false));
  app.route("/propositions", proposalModerationRoutes(deps));
  return app;
}

/** Every decision ends back on the queue, with its "done" message. */
function backToQueue(c: Ctx) {
  return c.redirect("/moderation?message=fait", 303);
}

async function showQueue(c: Ctx, deps: AppDeps) {
  const { items, proposals } = await loadQueue(deps.db);
  const message = c.req.query("message") === "fait" ? t.queue.done : undefined;
  return renderPage(c, <QueuePage items={items} proposals={proposals} message={message} />, {
    title: t.queue.title,
  });
}

async function postHide(c: Ctx, deps: AppDeps) {
  const form = await readForm(c, hideForm);
  if (!form.ok) return showComment(c, deps, { values: form.values, errors: form.errors }, 422);
  const input = { commentId: idParam(c), rule: form.data.regle, reason: form.data.motif };
  await hideComment(deps.db, c.var.actor, { ...input, origin: deps.config.publicOrigin });
  return backToQueue(c);
}

async function postRestore(c: Ctx, deps: AppDeps) {
  const form = await readForm(c, reasonForm);
  if (!form.ok) return showComment(c, deps, { values: form.values, errors: form.errors }, 422);
  const input = { commentId: idParam(c), reason: form.data.motif, origin: deps.config.publicOrigin };
  await restoreComment(deps.db, c.var.actor, input);
  return backToQueue(c);
}

async function postDismissReports(c: Ctx, deps: AppDeps) {
  const form = await readForm(c, optionalReasonForm);
  if (!form.ok) return showComment(c, deps, { values: form.values, errors: form.errors }, 422);
  await dismissReports(deps.db, c.var.actor, idParam(c), form.data["motif-classement"]);
  return backToQueue(c);
}

/** Pins (`pinned`) or unpins a comment. */
async function pinOrUnpin(c: Ctx, deps: AppDeps, pinned: boolean) {
  await pinComment(deps.db, c.var.actor, idParam(c), pinned);
  return backToQueue(c);
}

/** Suspends (`suspend`, a reason required) or reactivates an account, from a comment's page. */
async function suspendOrReactivate(c: Ctx, deps: AppDeps, suspend: boolean) {
  const userId = idParam(c);
  const form = await readForm(c, accountForm);
  const reason = form.ok ? form.data["motif-compte"] : "";
  const errors = form.ok ? (suspend && reason === "" ? { "motif-compte": t.queue.reasonRequired } : null) : form.errors;
  if (errors) return refusedOnCommentPage(c, deps, { values: form.values, errors });
  await suspendFromModeration(deps.db, c.var.actor, { userId, suspend, reason });
  return backToQueue(c);
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
