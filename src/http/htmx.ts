import type { Context } from "hono";

/** The only reader of HX-* request headers (htmx 4 sends HX-Request-Type: partial|full). */
export function isPartial(c: Context): boolean {
  return c.req.header("HX-Request-Type") === "partial";
}

/** Pages rendered as full page or fragment from the same URL must say so to caches. */
export function varyOnHtmx(c: Context): void {
  c.header("Vary", "HX-Request-Type", { append: true });
}
