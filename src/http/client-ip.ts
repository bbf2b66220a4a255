import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address, for throttling and the sessions page. Proxy headers are
 * trusted only when TRUST_PROXY=true (behind Fly's proxy), never by default.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("Fly-Client-IP") ?? c.req.header("X-Forwarded-For")?.split(",")[0];
    if (forwarded?.trim()) return forwarded.trim();
  }
  try {
    return getConnInfo(c).remote.address ?? "inconnue";
  } catch {
    return "inconnue";
  }
}
