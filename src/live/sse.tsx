import { type Context, Hono } from "hono";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";
import { commentsText as t } from "../../views/comments/comments.text.js";
import { type DiscussionFilter, StanceCounts } from "../../views/comments/Discussion.js";
import {
  Announcement,
  announceText,
  NewCommentFragment,
  UpdatedCommentFragment,
} from "../../views/comments/LiveFragments.js";
import { readFilter } from "../features/comments/comments.discussion.js";
import {
  type DiscussionProposal,
  findDiscussionProposal,
  listLiveEventsAfter,
} from "../features/comments/comments.queries.js";
import { countByStance } from "../features/comments/comments.read.js";
import { loadThreadContext } from "../features/comments/comments.thread.js";
import type { AppDeps, AppEnv, CurrentUser } from "../http/env.js";
import { notFound } from "../http/errors.js";

/** With a broker, the database is still read now and then (a missed NOTIFY costs seconds, not an event). */
const SAFETY_POLL_MS = 15_000;
/** Without a broker (a single instance started without it), the stream polls. */
const POLL_MS = 2_000;
const BATCH = 100;
/**
 * Last words of a stream ended by this instance's shutdown: the browser reconnects
 * soon (`retry`, in ms) with Last-Event-ID, and the proxy sends it to another instance.
 */
export const RECONNECT_ELSEWHERE = "retry: 1000\n: fin du flux (arrêt de cette instance), reconnexion\n\n";

type LiveEvent = Awaited<ReturnType<typeof listLiveEventsAfter>>[number];

/**
 * Hundreds of open pages wake up on the same notice and ask the same questions:
 * the read of new events and each event's rendering (per viewer) are shared for a
 * moment, so one notice costs a few queries, not a few per client.
 */
const SHARE_MS = 2000;
const sharedByDatabase = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

/** Counts notices heard by this instance: a cached read of events never outlives the next notice. */
const noticeCounts = new WeakMap<object, { count: number }>();

function noticeGeneration(deps: AppDeps): number {
  if (!deps.live) return Date.now();
  let counter = noticeCounts.get(deps.live);
  if (!counter) {
    const created = { count: 0 };
    noticeCounts.set(deps.live, created);
    deps.live.onAnyNotice(() => {
      created.count += 1;
    });
    counter = created;
  }
  return counter.count;
}

function sharedOnce<T>(deps: AppDeps, key: string, load: () => Promise<T>): Promise<T> {
  const shared = sharedByDatabase.get(deps.db) ?? new Map<string, { at: number; value: Promise<unknown> }>();
  sharedByDatabase.set(deps.db, shared);
  const now = Date.now();
  const hit = shared.get(key);
  if (hit && now - hit.at < SHARE_MS) return hit.value as Promise<T>;
  if (shared.size > 2000) for (const [k, v] of shared) if (now - v.at >= SHARE_MS) shared.delete(k);
  const value = load();
  shared.set(key, { at: now, value });
  value.catch(() => shared.delete(key));
  return value;
}

/**
 * One SSE stream per open proposal page. Every event carries its id; a client
 * that reconnects sends Last-Event-ID and gets what it missed, read from live_event.
 */
export function liveRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/propositions/:slug/direct", async (c) => {
    const proposal = await findDiscussionProposal(deps.db, c.req.param("slug"));
    if (!proposal) throw notFound(t.unknownProposal);
    const filter = readFilter({ position: c.req.query("position"), tri: c.req.query("tri") });
    const resumeFrom =
      firstId(c.req.header("Last-Event-ID"), c.req.query("depuis")) ?? (await latestId(deps, proposal));
    c.header("Cache-Control", "no-store");
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, (stream) => runStream(c, deps, { stream, proposal, filter, resumeFrom }));
  });
}

function firstId(...candidates: (string | undefined)[]): string | undefined {
  return candidates.find((value) => value !== undefined && /^\d{1,18}$/.test(value));
}

async function latestId(deps: AppDeps, proposal: DiscussionProposal): Promise<string> {
  const row = await deps.db
    .selectFrom("live_event")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("proposal_id", "=", proposal.id)
    .executeTakeFirst();
  return String(row?.id ?? "0");
}

interface StreamState {
  stream: SSEStreamingApi;
  proposal: DiscussionProposal;
  filter: DiscussionFilter;
  resumeFrom: string;
}

async function runStream(c: Context<AppEnv>, deps: AppDeps, state: StreamState) {
  let lastId = state.resumeFrom;
  let closed = false;
  let endedByInstance = false;
  let wake: (() => void) | undefined;
  const signal = () => wake?.();
  const unsubscribe = deps.live?.subscribe(state.proposal.id, signal);
  const unClose = deps.live?.onClose(() => {
    closed = true;
    endedByInstance = true;
    signal();
  });
  state.stream.onAbort(() => {
    closed = true;
    signal();
  });
  try {
    while (!closed && !deps.lifecycle.shuttingDown) {
      lastId = await sendMissed(c, deps, state, lastId).catch((error: unknown) => {
        c.get("logger")?.warn({ err: error }, "flux direct : lecture impossible, nouvel essai");
        return lastId;
      });
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), deps.live ? SAFETY_POLL_MS : POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (!woken && !closed) await state.stream.write(": ping\n\n");
    }
    if (endedByInstance || deps.lifecycle.shuttingDown) await state.stream.write(RECONNECT_ELSEWHERE);
  } finally {
    unsubscribe?.();
    unClose?.();
  }
}

/** Sends every event after `lastId`, in id order; returns the id of the last one sent. */
async function sendMissed(c: Context<AppEnv>, deps: AppDeps, state: StreamState, lastId: string): Promise<string> {
  let last = lastId;
  for (;;) {
    const after = last;
    const events = await sharedOnce(deps, `events:${state.proposal.id}:${after}:${noticeGeneration(deps)}`, () =>
      listLiveEventsAfter(deps.db, state.proposal.id, after, BATCH),
    );
    const viewer = c.get("user");
    const viewerKey = `${viewer?.id ?? "public"}:${state.filter.sort}:${state.filter.stance ?? ""}`;
    for (const event of events) {
      const html = await sharedOnce(deps, `render:${event.id}:${viewerKey}`, () =>
        renderEvent(deps, viewer, state.filter, event),
      );
      await state.stream.writeSSE({ id: event.id, data: html });
      last = event.id;
    }
    if (events.length < BATCH) return last;
  }
}

/** The comment as it is now, for this viewer: replaying an old event shows today's state. */
async function renderEvent(
  deps: AppDeps,
  viewer: CurrentUser | undefined,
  filter: DiscussionFilter,
  event: LiveEvent,
): Promise<string> {
  const context = await loadThreadContext(deps.db, event.commentId, viewer);
  if (!context) return "";
  const comment = context.comment;
  const parts = [<Announcement message={announceText(event.kind, comment)} />];
  if (event.kind !== "comment_created") parts.unshift(<UpdatedCommentFragment comment={comment} />);
  // A new top-level comment joins the list only where it belongs: newest first, matching the filter.
  else if (comment.depth > 1 || (filter.sort === "recent" && (!filter.stance || filter.stance === comment.stance))) {
    parts.unshift(<NewCommentFragment comment={comment} parentId={comment.parentId} />);
  }
  if (comment.depth === 1 && (event.kind === "comment_created" || event.kind === "comment_deleted")) {
    parts.push(<StanceCounts counts={await countByStance(deps.db, event.proposalId)} oob />);
  }
  const html = await Promise.all(parts.map((part) => part.toString()));
  return html.join("");
}
