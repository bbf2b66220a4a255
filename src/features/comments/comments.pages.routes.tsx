import { diffWords } from "diff";
import { type Context, Hono } from "hono";
import { HistoryPage, MoreCommentsPage, ThreadPage } from "../../../views/comments/CommentPages.js";
import { commentsText as t } from "../../../views/comments/comments.text.js";
import { Discussion, MoreComments } from "../../../views/comments/Discussion.js";
import { ProposalPage } from "../../../views/proposals/ProposalPage.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { ID, idParam } from "../../http/params.js";
import { renderFragmentOrPage, renderPage } from "../../http/render.js";
import { findProposalBySlug } from "../proposals/index.js";
import { findDiscussionProposal } from "./comments.queries.js";
import { findCommentRow, listVersions } from "./comments.read.js";
import { decodeCursor, loadCommentsPage, loadDiscussion, readFilter } from "./discussion.presenter.js";
import { loadThread, loadThreadContext } from "./thread.presenter.js";
import type { VersionView } from "./view-models/comments.model.js";

type Ctx = Context<AppEnv>;

/** Reading the debate: filtered page, "voir plus", a thread, an edit history (the search is in features/search). */
export function commentPageRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/propositions/:slug/debat", deps.publicPage, (c) => filteredDiscussion(c, deps))
    .get("/propositions/:slug/commentaires", deps.publicPage, (c) => moreComments(c, deps))
    .get(`/commentaires/${ID}`, deps.publicPage, (c) => showThread(c, deps))
    .get(`/commentaires/${ID}/historique`, deps.publicPage, (c) => history(c, deps));
}

/** The proposal page with the debate filtered by stance and sorted; the debate alone for htmx. */
async function filteredDiscussion(c: Ctx, deps: RouteDeps) {
  const slug = c.req.param("slug") ?? "";
  const user = c.get("user");
  const filter = readFilter({ position: c.req.query("position"), tri: c.req.query("tri") });
  const [proposal, discussion] = await Promise.all([
    findProposalBySlug(deps.db, slug),
    loadDiscussion(deps.db, slug, user, { filter }),
  ]);
  if (!proposal || !discussion) throw notFound(t.unknownProposal);
  return renderFragmentOrPage(
    c,
    () => <Discussion view={discussion} />,
    async () => {
      const sections = await deps.regions.load(proposal, user);
      const page = (
        <ProposalPage proposal={proposal} sections={{ ...sections, discussion: <Discussion view={discussion} /> }} />
      );
      return renderPage(c, page, { title: proposal.title });
    },
  );
}

async function moreComments(c: Ctx, deps: RouteDeps) {
  const proposal = await findDiscussionProposal(deps.db, c.req.param("slug") ?? "");
  if (!proposal) throw notFound(t.unknownProposal);
  const filter = readFilter({ position: c.req.query("position"), tri: c.req.query("tri") });
  const cursor = decodeCursor(c.req.query("apres"));
  const page = await loadCommentsPage(deps.db, proposal, c.get("user"), filter, cursor);
  return renderFragmentOrPage(
    c,
    () => <MoreComments slug={proposal.slug} filter={filter} comments={page.comments} cursor={page.nextCursor} />,
    () =>
      renderPage(
        c,
        <MoreCommentsPage proposal={proposal} filter={filter} comments={page.comments} cursor={page.nextCursor} />,
        { title: t.heading },
      ),
  );
}

/** A top-level comment and all its replies. */
async function showThread(c: Ctx, deps: RouteDeps) {
  const found = await loadThread(deps.db, idParam(c), c.get("user"));
  if (!found) throw notFound(t.unknownComment);
  return renderPage(c, <ThreadPage proposal={found.proposal} thread={found.thread} />, { title: t.thread });
}

async function history(c: Ctx, deps: RouteDeps) {
  const id = idParam(c);
  const row = await findCommentRow(deps.db, id);
  const context = row ? await loadThreadContext(deps.db, id, c.get("user")) : undefined;
  if (!row || !context) throw notFound(t.unknownComment);
  // A deleted comment's earlier versions are withdrawn with it.
  const rows = row.deletedAt || row.hiddenAt ? [] : await listVersions(deps.db, id);
  const versions: VersionView[] = rows.map((version, index) => {
    const previous = rows[index - 1];
    return { ...version, changes: previous ? diffWords(previous.body, version.body) : null };
  });
  return renderPage(c, <HistoryPage proposal={context.proposal} commentId={id} versions={versions} />, {
    title: t.historyTitle,
  });
}
