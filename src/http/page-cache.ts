import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { MiddlewareHandler } from "hono/types";
import type { LiveBroker } from "../live/broker.js";
import type { AppEnv, Lifecycle } from "./env.js";

/**
 * Public pages rendered once per change and served from memory to visitors
 * without a session cookie, with an ETag (304) and a pre-compressed body.
 *
 * Forgotten all at once: on every live notice (NOTIFY from any instance), on any
 * write handled by this instance, and after `maxAgeMs` in any case — the bound
 * on staleness for changes made through another instance that send no notice.
 */
interface CachedPage {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: [string, string][];
  generation: number;
  storedAt: number;
}

export interface PageCacheOptions {
  live?: LiveBroker | undefined;
  maxAgeMs?: number;
  maxEntries?: number;
}

const KEPT_HEADERS = ["content-type", "vary", "content-language", "content-disposition"];

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  /** Pages being rendered right now, by key. */
  readonly rendering = new Map<string, Promise<CachedPage | undefined>>();
  private generation = 0;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;

  constructor(options: PageCacheOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 5000;
    this.maxEntries = options.maxEntries ?? 500;
    options.live?.onAnyNotice(() => this.forgetAll());
  }

  forgetAll(): void {
    this.generation += 1;
    this.pages.clear();
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.generation !== this.generation || Date.now() - page.storedAt > this.maxAgeMs) {
      this.pages.delete(key);
      return undefined;
    }
    return page;
  }

  /** Stores only if nothing changed while the page was being rendered. */
  put(key: string, page: Omit<CachedPage, "storedAt">): void {
    if (page.generation !== this.generation) return;
    if (this.pages.size >= this.maxEntries) this.pages.delete(this.pages.keys().next().value as string);
    this.pages.set(key, { ...page, storedAt: Date.now() });
  }

  currentGeneration(): number {
    return this.generation;
  }
}

/** Any write this instance handles successfully may change a public page: forget them all. */
export function forgetPagesAfterWrites(cache: PageCache): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.res.status < 400) cache.forgetAll();
  });
}

/** A page cache that keeps nothing: the route declarations stay the same when PAGE_CACHE_MS is 0. */
const notCached: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next();
};

/**
 * The middleware a public page declares on its route (`deps.publicPage`): visitors without a session
 * cookie get the page from memory. Pages that do not declare it are never kept.
 */
export function cachedForVisitors(
  cache: PageCache | undefined,
  sessionCookieName: string,
  lifecycle: Lifecycle,
): MiddlewareHandler<AppEnv> {
  if (!cache) return notCached;
  return createMiddleware<AppEnv>(async (c, next) => {
    const hasSession = getCookie(c, sessionCookieName) !== undefined;
    if (c.req.method !== "GET" || hasSession || lifecycle.shuttingDown) return next();
    const key = `${c.req.url}|${c.req.header("HX-Request-Type") ?? ""}`;
    const hit = cache.get(key) ?? (await cache.rendering.get(key));
    if (hit) return serve(c, hit);
    const generation = cache.currentGeneration();
    // Single flight: visitors arriving while this page renders wait for it instead of rendering it again.
    let finish: (page: CachedPage | undefined) => void = () => undefined;
    cache.rendering.set(key, new Promise((resolve) => (finish = resolve)));
    try {
      await next();
      const stored = await capture(c.res, generation);
      if (stored) {
        cache.put(key, stored);
        c.res = serve(c, { ...stored, storedAt: Date.now() });
      }
      finish(stored ? { ...stored, storedAt: Date.now() } : undefined);
    } finally {
      finish(undefined);
      cache.rendering.delete(key);
    }
  });
}

async function capture(response: Response, generation: number): Promise<Omit<CachedPage, "storedAt"> | undefined> {
  const cacheControl = response.headers.get("Cache-Control") ?? "";
  if (response.status !== 200 || response.headers.has("Set-Cookie") || /no-store|private/.test(cacheControl))
    return undefined;
  if (!(response.headers.get("Content-Type") ?? "").startsWith("text/html")) return undefined;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = KEPT_HEADERS.flatMap((name) => {
    const value = response.headers.get(name);
    return value ? [[name, value] as [string, string]] : [];
  });
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return { body, gzip: new Uint8Array(gzipSync(body, { level: 6 })), etag, headers, generation };
}

function serve(c: { req: { header(name: string): string | undefined } }, page: CachedPage): Response {
  const headers = new Headers(page.headers);
  headers.set("ETag", page.etag);
  headers.set("Cache-Control", "public, max-age=0, must-revalidate");
  headers.append("Vary", "Accept-Encoding, Cookie");
  if (c.req.header("If-None-Match") === page.etag) return new Response(null, { status: 304, headers });
  if ((c.req.header("Accept-Encoding") ?? "").includes("gzip")) {
    headers.set("Content-Encoding", "gzip");
    return new Response(page.gzip, { status: 200, headers });
  }
  return new Response(page.body, { status: 200, headers });
}
