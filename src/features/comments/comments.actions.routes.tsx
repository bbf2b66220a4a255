import { type Context, Hono } from "hono";
import { CommentContent } from "../../../views/comments/CommentItem.js";
import { DeleteCommentPage, EditCommentPage } from "../../../views/comments/CommentPages.js";
import { commentsText as t } from "../../../views/comments/comments.text.js";
import { Announcement } from "../../../views/components/Announcement.js";
import { requireUser } from "../../auth/guards.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../http/env.js";
import { AppError, notFound } from "../../http/errors.js";
import { readForm } from "../../http/forms.js";
import { ID, idParam } from "../../http/params.js";
import { fragmentOrRedirect, renderPage } from "../../http/render.js";
import { editForm, followForm } from "./comments.forms.js";
import { findDiscussionProposal } from "./comments.queries.js";
import { findCommentRow } from "./comments.read.js";
import { deleteComment, editComment, toggleSupport } from "./comments.service.js";
import { setFollowing } from "./notifications.queries.js";
import { loadThreadContext, singleView } from "./thread.presenter.js";

type Ctx = Context<ActorEnv>;

/** Edit, delete (tombstone), support, follow. Every check is repeated by the service. */
export function commentActionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get(`/commentaires/${ID}/modifier`, requireUser, (c) => showEdit(c, deps))
    .post(`/commentaires/${ID}/modifier`, requireUser, (c) => postEdit(c, deps))
    .get(`/commentaires/${ID}/supprimer`, requireUser, (c) => showDelete(c, deps))
    .post(`/commentaires/${ID}/supprimer`, requireUser, (c) => postDelete(c, deps))
    .post(`/commentaires/${ID}/soutien`, requireUser, (c) => postSupport(c, deps))
    .post("/propositions/:slug/suivre", requireUser, (c) => postFollow(c, deps));
}

/** The author only; anyone else gets the same 403 as the service would give. */
async function ownContext(c: Ctx, deps: AppDeps) {
  const user = c.var.actor;
  const row = await findCommentRow(deps.db, idParam(c));
  if (!row) throw notFound(t.unknownComment);
  if (row.authorId !== user.id) throw new AppError(403, "not_author", t.notAuthor);
  if (row.deletedAt) throw new AppError(403, "deleted", t.alreadyDeleted);
  if (row.hiddenAt) throw new AppError(403, "hidden", t.hiddenByModeration);
  const context = await loadThreadContext(deps.db, row.id, user);
  if (!context) throw notFound(t.unknownComment);
  return { row, context };
}

async function showEdit(c: Ctx, deps: AppDeps) {
  const { row, context } = await ownContext(c, deps);
  return renderPage(c, <EditCommentPage proposal={context.proposal} commentId={row.id} body={row.body} />, {
    title: t.editTitle,
  });
}

async function postEdit(c: Ctx, deps: AppDeps) {
  const user = c.var.actor;
  const { row, context } = await ownContext(c, deps);
  const form = await readForm(c, editForm);
  if (!form.ok) {
    const page = (
      <EditCommentPage
        proposal={context.proposal}
        commentId={row.id}
        body={form.values.body ?? ""}
        error={form.errors.body ?? ""}
      />
    );
    return renderPage(c, page, { title: t.editTitle }, 422);
  }
  const done = await editComment(deps.db, user, row.id, form.data.body);
  return c.redirect(`/commentaires/${done.rootId ?? done.id}#c-${done.id}`, 303);
}

async function showDelete(c: Ctx, deps: AppDeps) {
  const { context } = await ownContext(c, deps);
  return renderPage(c, <DeleteCommentPage proposal={context.proposal} comment={context.comment} />, {
    title: t.deleteTitle,
  });
}

async function postDelete(c: Ctx, deps: AppDeps) {
  const done = await deleteComment(deps.db, c.var.actor, idParam(c));
  return c.redirect(`/commentaires/${done.rootId ?? done.id}#c-${done.id}`, 303);
}

/** Supports the comment, or withdraws the support: the comment alone for htmx. */
async function postSupport(c: Ctx, deps: AppDeps) {
  const user = c.var.actor;
  const done = await toggleSupport(deps.db, user, idParam(c));
  return fragmentOrRedirect(c, `/commentaires/${done.rootId ?? done.id}#c-${done.id}`, async () => {
    const comment = await singleView(deps.db, done.id, user);
    const count = comment.supportCount;
    return (
      <>
        <CommentContent comment={comment} focus="support" />
        <Announcement message={comment.can.supported ? t.done.supported(count) : t.done.unsupported(count)} />
      </>
    );
  });
}

/** Follows the proposal's debate (notifications), or stops following it with `suivre=non`. */
async function postFollow(c: Ctx, deps: AppDeps) {
  const user = c.var.actor;
  const proposal = await findDiscussionProposal(deps.db, c.req.param("slug") ?? "");
  if (!proposal) throw notFound(t.unknownProposal);
  const form = await readForm(c, followForm);
  await setFollowing(deps.db, user.id, proposal.id, !form.ok || form.data.suivre !== "non");
  return c.redirect(`/propositions/${proposal.slug}#debat`, 303);
}
