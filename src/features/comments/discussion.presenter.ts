import type { Kysely } from "kysely";
import { generateRandomToken } from "../../auth/tokens.js";
import type { Database } from "../../db/database.js";
import type { Actor } from "../../domain/actor.js";
import { type DiscussionFilter, STANCES } from "../../domain/debate.js";
import { latestLiveEventId } from "../../live/live.queries.js";
import { liveScripts } from "../../live/live-scripts.js";
import { buildThreads, viewerContext } from "./comments.presenter.js";
import { type DiscussionProposal, findDiscussionProposal } from "./comments.queries.js";
import { countByStance, listTopLevelComments, type PageCursor } from "./comments.read.js";
import { discussionState } from "./comments.service.js";
import { isFollowing } from "./notifications.queries.js";
import type {
  CommentFormState,
  CommentsPageView,
  DiscussionClosure,
  DiscussionView,
} from "./view-models/comments.model.js";

export const PAGE_SIZE = 20;

/** Scripts of the live debate, loaded after htmx (deferred scripts run in document order). */
export const DISCUSSION_SCRIPTS = liveScripts("/static/hx-upsert.js");

export function readFilter(query: { position?: string | undefined; tri?: string | undefined }): DiscussionFilter {
  const stance = STANCES.find((s) => s === query.position);
  return { stance, sort: query.tri === "soutien" ? "soutien" : "recent" };
}

export function encodeCursor(comment: { id: string; supportCount: number }, filter: DiscussionFilter): string {
  return filter.sort === "soutien" ? `${comment.supportCount}_${comment.id}` : comment.id;
}

export function decodeCursor(value: string | undefined): PageCursor | undefined {
  const match = value ? /^(?:(\d{1,9})_)?(\d{1,18})$/.exec(value) : null;
  if (!match) return undefined;
  return { id: match[2] ?? "0", supportCount: match[1] === undefined ? undefined : Number(match[1]) };
}

export function newFormState(
  values: Record<string, string> = {},
  errors: Record<string, string> = {},
): CommentFormState {
  return { values, errors, idempotencyKey: generateRandomToken(16) };
}

export async function loadCommentsPage(
  db: Kysely<Database>,
  proposal: DiscussionProposal,
  viewer: Actor | undefined,
  filter: DiscussionFilter,
  cursor?: PageCursor | undefined,
): Promise<CommentsPageView> {
  const rows = await listTopLevelComments(db, {
    proposalId: proposal.id,
    stance: filter.stance,
    sort: filter.sort,
    cursor,
    limit: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > PAGE_SIZE && last ? encodeCursor(last, filter) : null;
  const open = discussionState(proposal) === "open";
  return { comments: await buildThreads(db, page, viewerContext(viewer, open)), nextCursor };
}

export interface DiscussionOptions {
  filter?: DiscussionFilter | undefined;
  form?: CommentFormState | undefined;
}

/** Everything the debate region shows, for this viewer. */
export async function loadDiscussion(
  db: Kysely<Database>,
  slug: string,
  viewer: Actor | undefined,
  options: DiscussionOptions = {},
): Promise<DiscussionView | undefined> {
  const proposal = await findDiscussionProposal(db, slug);
  if (!proposal) return undefined;
  const filter = options.filter ?? { sort: "recent" };
  const [counts, page, following, lastEvent] = await Promise.all([
    countByStance(db, proposal.id),
    loadCommentsPage(db, proposal, viewer, filter),
    viewer ? isFollowing(db, viewer.id, proposal.id) : false,
    latestLiveEventId(db, proposal.id),
  ]);
  const live = new URLSearchParams({ depuis: lastEvent });
  if (filter.stance) live.set("position", filter.stance);
  if (filter.sort !== "recent") live.set("tri", filter.sort);
  return {
    proposalSlug: proposal.slug,
    closed: closureOf(proposal),
    viewer: { signedIn: viewer !== undefined, organisationName: viewer?.mandate?.organisationName ?? null, following },
    counts,
    filter,
    ...page,
    form: viewer?.mandate ? (options.form ?? newFormState()) : null,
    liveUrl: `/propositions/${proposal.slug}/direct?${live}`,
    scripts: DISCUSSION_SCRIPTS,
  };
}

/** Why the discussion is closed (the view says it in French), or null while it is open. */
function closureOf(proposal: DiscussionProposal): DiscussionClosure | null {
  const state = discussionState(proposal);
  return state === "open" ? null : { state, lockedReason: proposal.lockedReason };
}
