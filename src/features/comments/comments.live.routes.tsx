import { type Context, Hono } from "hono";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";
import { commentsText as t } from "../../../views/comments/comments.text.js";
import type { DiscussionFilter } from "../../domain/debate.js";
import type { AppEnv, LiveAudience, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { latestLiveEventId, listLiveEventsAfter } from "../../live/live.queries.js";
import { type DiscussionProposal, findDiscussionProposal } from "./comments.queries.js";
import { readFilter } from "./discussion.presenter.js";

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

/**
 * Hundreds of open pages wake up on the same notice and ask the same questions:
 * the read of new events and each event's rendering (per viewer) are shared for a
 * moment, so one notice costs a few queries, not a few per client.
 */
const SHARE_MS = 2000;
const sharedByDatabase = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

/** Counts notices heard by this instance: a cached read of events never outlives the next notice. */
const noticeCounts = new WeakMap<object, { count: number }>();

function noticeGeneration(deps: RouteDeps): number {
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

function sharedOnce<T>(deps: RouteDeps, key: string, load: () => Promise<T>): Promise<T> {
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
 * One SSE stream per open proposal page: new and changed comments, ballots, openings and
 * closings, moderation decisions. Every event carries its id; a client that reconnects
 * sends Last-Event-ID and gets what it missed, read from live_event.
 */
export function commentLiveRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get("/propositions/:slug/direct", (c) => openLiveStream(c, deps));
}

/** Resumes after Last-Event-ID (or `depuis`), else from the latest event: only what comes next. */
async function openLiveStream(c: Context<AppEnv>, deps: RouteDeps) {
  const proposal = await findDiscussionProposal(deps.db, c.req.param("slug") ?? "");
  if (!proposal) throw notFound(t.unknownProposal);
  const filter = readFilter({ position: c.req.query("position"), tri: c.req.query("tri") });
  const audience: LiveAudience = c.req.query("vue") === "seance" ? "screen" : "page";
  const resumeFrom =
    firstId(c.req.header("Last-Event-ID"), c.req.query("depuis")) ?? (await latestLiveEventId(deps.db, proposal.id));
  c.header("Cache-Control", "no-store");
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, (stream) => runStream(c, deps, { stream, proposal, filter, audience, resumeFrom }));
}

function firstId(...candidates: (string | undefined)[]): string | undefined {
  return candidates.find((value) => value !== undefined && /^\d{1,18}$/.test(value));
}

interface StreamState {
  stream: SSEStreamingApi;
  proposal: DiscussionProposal;
  filter: DiscussionFilter;
  audience: LiveAudience;
  resumeFrom: string;
}

async function runStream(c: Context<AppEnv>, deps: RouteDeps, state: StreamState) {
  let lastId = state.resumeFrom;
  let closed = false;
  let endedByInstance = false;
  let wake: (() => void) | undefined;
  // A notice heard while events are being sent must not be lost: it sends the loop round again.
  let noticed = false;
  const signal = () => {
    noticed = true;
    wake?.();
  };
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
      noticed = false;
      lastId = await sendMissed(c, deps, state, lastId).catch((error: unknown) => {
        c.get("logger")?.warn({ err: error }, "flux direct : lecture impossible, nouvel essai");
        return lastId;
      });
      if (noticed) continue;
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
async function sendMissed(c: Context<AppEnv>, deps: RouteDeps, state: StreamState, lastId: string): Promise<string> {
  let last = lastId;
  for (;;) {
    const after = last;
    const events = await sharedOnce(deps, `events:${state.proposal.id}:${after}:${noticeGeneration(deps)}`, () =>
      listLiveEventsAfter(deps.db, state.proposal.id, after, BATCH),
    );
    const viewer = c.get("user");
    // The meeting screen is the same for everyone: drawn once per event for all its viewers.
    const viewerKey =
      state.audience === "screen"
        ? "screen"
        : `${viewer?.id ?? "public"}:${state.filter.sort}:${state.filter.stance ?? ""}`;
    for (const event of events) {
      const html = await sharedOnce(deps, `render:${event.id}:${viewerKey}`, () =>
        deps.regions.renderEvent(event, viewer, state.filter, state.audience),
      );
      await state.stream.writeSSE({ id: event.id, data: html });
      last = event.id;
    }
    if (events.length < BATCH) return last;
  }
}
