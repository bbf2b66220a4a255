import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { CommentForm } from "../../../views/comments/CommentForm.js";
import { ReplyForm, ReplyPage } from "../../../views/comments/CommentPages.js";
import { commentsText as t } from "../../../views/comments/comments.text.js";
import { Discussion } from "../../../views/comments/Discussion.js";
import { NewCommentFragment } from "../../../views/comments/LiveFragments.js";
import { Announcement } from "../../../views/components/Announcement.js";
import { ProposalPage } from "../../../views/proposals/ProposalPage.js";
import { requireUser } from "../../auth/guards.js";
import type { ActorEnv, AppEnv, CurrentUser, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { formRefusal } from "../../http/forms.js";
import { ID, idParam } from "../../http/params.js";
import { fragmentOrRedirect, renderFragmentOrPage, renderPage } from "../../http/render.js";
import { mandateOf } from "../../mandates/mandates.js";
import { findProposalBySlug } from "../proposals/index.js";
import { type CommentFormResult, readCommentForm } from "./comments.forms.js";
import { renderCommentMarkdown } from "./comments.markdown.js";
import { postComment } from "./comments.service.js";
import { loadDiscussion, newFormState } from "./discussion.presenter.js";
import { loadThreadContext, singleView } from "./thread.presenter.js";
import type { CommentFormState } from "./view-models/comments.model.js";

type Ctx = Context<ActorEnv>;

/** Posting: a top-level argument (with a stance) or a reply. */
export function commentRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post("/propositions/:slug/commentaires", requireUser, (c) => postTopLevel(c, deps))
    .get(`/commentaires/${ID}/repondre`, requireUser, (c) => showReply(c, deps))
    .post(`/commentaires/${ID}/repondre`, requireUser, (c) => postReply(c, deps));
}

function formState(form: CommentFormResult, extra: Partial<CommentFormState> = {}): CommentFormState {
  return { values: form.values, errors: form.ok ? {} : form.errors, idempotencyKey: form.values.cle ?? "", ...extra };
}

async function postTopLevel(c: Ctx, deps: RouteDeps) {
  const slug = c.req.param("slug") ?? "";
  const user = c.var.actor;
  const mandate = mandateOf(user);
  const form = await readCommentForm(c, true);
  const refuse = (state: CommentFormState, status: ContentfulStatusCode) =>
    topLevelForm(c, deps, { slug, user, organisationName: mandate.organisationName, state, status });
  if (!form.ok) return refuse(formState(form), 422);
  if (form.data.preview) return refuse(formState(form, { previewHtml: renderCommentMarkdown(form.data.body) }), 200);
  try {
    const posted = await postComment(deps.db, user, { proposalSlug: slug, ...form.data }, deps.config.publicOrigin);
    return fragmentOrRedirect(c, `/propositions/${posted.proposalSlug}#c-${posted.id}`, async () => (
      <>
        <CommentForm
          action={`/propositions/${slug}/commentaires`}
          withStance
          organisationName={mandate.organisationName}
          state={newFormState()}
          idPrefix="nouveau"
          submitLabel={t.publish}
        />
        <NewCommentFragment comment={await singleView(deps.db, posted.id, user)} parentId={null} focus />
        <Announcement message={t.done.published} />
      </>
    ));
  } catch (error) {
    const refusal = formRefusal(error);
    if (!refusal) throw error;
    return refuse(formState(form, { errors: { _form: refusal.message } }), refusal.status);
  }
}

interface TopLevelFormOptions {
  slug: string;
  user: CurrentUser;
  organisationName: string;
  state: CommentFormState;
  status: ContentfulStatusCode;
}

/** A refused or previewed form: the form alone for htmx, else the whole proposal page with it. */
async function topLevelForm(c: Ctx, deps: RouteDeps, options: TopLevelFormOptions) {
  const { slug, user, state, status } = options;
  const form = () => (
    <>
      <CommentForm
        action={`/propositions/${slug}/commentaires`}
        withStance
        organisationName={options.organisationName}
        state={state}
        idPrefix="nouveau"
        submitLabel={t.publish}
      />
      {state.previewHtml !== undefined ? <Announcement message={t.done.previewShown} /> : null}
    </>
  );
  return renderFragmentOrPage(
    c,
    form,
    async () => {
      const proposal = await findProposalBySlug(deps.db, slug);
      const discussion = await loadDiscussion(deps.db, slug, user, { form: state });
      if (!proposal || !discussion) throw notFound(t.unknownProposal);
      const sections = await deps.regions.load(proposal, user);
      const page = (
        <ProposalPage proposal={proposal} sections={{ ...sections, discussion: <Discussion view={discussion} /> }} />
      );
      return renderPage(c, page, { title: proposal.title }, status);
    },
    status,
  );
}

async function showReply(c: Ctx, deps: RouteDeps, state?: CommentFormState, status: ContentfulStatusCode = 200) {
  const user = c.var.actor;
  const mandate = mandateOf(user);
  const context = await loadThreadContext(deps.db, idParam(c), user);
  if (!context) throw notFound(t.unknownParent);
  const formState = state ?? newFormState();
  const to = context.comment.authorName;
  const form = () => (
    <>
      <ReplyForm parentId={context.comment.id} organisationName={mandate.organisationName} state={formState} />
      <Announcement message={formState.previewHtml !== undefined ? t.done.previewShown : t.done.replyFormOpened(to)} />
    </>
  );
  const page = (
    <ReplyPage
      proposal={context.proposal}
      parent={context.comment}
      parentId={context.comment.id}
      organisationName={mandate.organisationName}
      state={formState}
    />
  );
  return renderFragmentOrPage(c, form, () => renderPage(c, page, { title: t.reply }, status), status);
}

async function postReply(c: Ctx, deps: RouteDeps) {
  const user = c.var.actor;
  mandateOf(user);
  const parentId = idParam(c);
  const context = await loadThreadContext(deps.db, parentId, user);
  if (!context) throw notFound(t.unknownParent);
  const form = await readCommentForm(c, false);
  if (!form.ok) return showReply(c, deps, formState(form), 422);
  if (form.data.preview)
    return showReply(c, deps, formState(form, { previewHtml: renderCommentMarkdown(form.data.body) }));
  try {
    const input = { proposalSlug: context.proposal.slug, parentId, ...form.data };
    const posted = await postComment(deps.db, user, input, deps.config.publicOrigin);
    return fragmentOrRedirect(c, `/commentaires/${posted.rootId ?? posted.id}#c-${posted.id}`, async () => {
      const comment = await singleView(deps.db, posted.id, user);
      return (
        <>
          <p class="muted">{t.done.replyPublished(context.comment.authorName)}</p>
          <NewCommentFragment comment={comment} parentId={comment.parentId} focus />
          <Announcement message={t.done.replyPublished(context.comment.authorName)} />
        </>
      );
    });
  } catch (error) {
    const refusal = formRefusal(error);
    if (!refusal) throw error;
    return showReply(c, deps, formState(form, { errors: { _form: refusal.message } }), refusal.status);
  }
}
