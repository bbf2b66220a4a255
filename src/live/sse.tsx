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

type LiveEvent = Awaited<ReturnType<typeof listLiveEventsAfter>>[number];

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
  let wake: (() => void) | undefined;
  const signal = () => wake?.();
  const unsubscribe = deps.live?.subscribe(state.proposal.id, signal);
  const unClose = deps.live?.onClose(() => {
    closed = true;
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
  } finally {
    unsubscribe?.();
    unClose?.();
  }
}

/** Sends every event after `lastId`, in id order; returns the id of the last one sent. */
async function sendMissed(c: Context<AppEnv>, deps: AppDeps, state: StreamState, lastId: string): Promise<string> {
  let last = lastId;
  for (;;) {
    const events = await listLiveEventsAfter(deps.db, state.proposal.id, last, BATCH);
    for (const event of events) {
      const html = await renderEvent(deps, c.get("user"), state.filter, event);
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
