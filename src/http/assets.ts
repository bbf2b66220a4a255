import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { Context } from "hono";
import type { AssetUrls } from "../../views/layouts/Document.js";
import { staticDir } from "../platform/paths.js";

interface Asset {
  body: Buffer;
  brotli: Buffer;
  gzip: Buffer;
  contentType: string;
  hash: string;
}

const require = createRequire(import.meta.url);

/** Public name → file. htmx comes from node_modules and is served from our own origin. */
const SOURCES: Record<string, { file: string; contentType: string }> = {
  "app.css": { file: path.join(staticDir, "app.css"), contentType: "text/css; charset=utf-8" },
  "favicon.svg": { file: path.join(staticDir, "favicon.svg"), contentType: "image/svg+xml" },
  "htmx.min.js": {
    file: require.resolve("htmx.org/dist/htmx.min.js"),
    contentType: "text/javascript; charset=utf-8",
  },
  "hx-sse.js": {
    file: require.resolve("htmx.org/dist/ext/hx-sse.min.js"),
    contentType: "text/javascript; charset=utf-8",
  },
  "hx-upsert.js": {
    file: require.resolve("htmx.org/dist/ext/hx-upsert.min.js"),
    contentType: "text/javascript; charset=utf-8",
  },
  "app.js": { file: path.join(staticDir, "app.js"), contentType: "text/javascript; charset=utf-8" },
  "live.js": { file: path.join(staticDir, "live.js"), contentType: "text/javascript; charset=utf-8" },
};

const IMMUTABLE = "public, max-age=31536000, immutable";

let loaded: Map<string, Asset> | undefined;

/** Read, hashed and pre-compressed once per process, however many apps are built (the tests build hundreds). */
function loadAssets(): Map<string, Asset> {
  loaded ??= new Map(
    Object.entries(SOURCES).map(([name, source]) => {
      const body = readFileSync(source.file);
      const asset: Asset = {
        body,
        brotli: brotliCompressSync(body),
        gzip: gzipSync(body, { level: 9 }),
        contentType: source.contentType,
        hash: createHash("sha256").update(body).digest("hex").slice(0, 12),
      };
      return [name, asset];
    }),
  );
  return loaded;
}

/**
 * Static files are few and small: read, hashed and pre-compressed once at start.
 * URLs carry the content hash (?v=), so browsers may cache them for a year.
 */
export class AssetStore {
  private readonly assets = loadAssets();

  url(name: string): string {
    const asset = this.assets.get(name);
    if (!asset) throw new Error(`ressource statique inconnue : ${name}`);
    return `/static/${name}?v=${asset.hash}`;
  }

  urls(): AssetUrls {
    return {
      css: this.url("app.css"),
      htmx: this.url("htmx.min.js"),
      script: this.url("app.js"),
      favicon: this.url("favicon.svg"),
    };
  }

  respond(c: Context, name: string): Response | undefined {
    const asset = this.assets.get(name);
    if (!asset) return undefined;
    const etag = `"${asset.hash}"`;
    c.header("ETag", etag);
    c.header("Vary", "Accept-Encoding");
    c.header("Cache-Control", c.req.query("v") === asset.hash ? IMMUTABLE : "public, max-age=0, must-revalidate");
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
    c.header("Content-Type", asset.contentType);
    const accepted = c.req.header("Accept-Encoding") ?? "";
    const [encoding, body] = accepted.includes("br")
      ? ["br", asset.brotli]
      : accepted.includes("gzip")
        ? ["gzip", asset.gzip]
        : [undefined, asset.body];
    if (encoding) c.header("Content-Encoding", encoding);
    return c.body(new Uint8Array(body));
  }
}
