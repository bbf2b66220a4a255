import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence: every state-changing request must come from our own origin,
 * whatever its content type. Behind a TLS proxy the app sees http, so we compare
 * with the configured public origin, never with the request URL. A request with
 * neither Origin nor Sec-Fetch-Site (no browser sends that for a POST) is refused too.
 */
export function originCheck(publicOrigin: string) {
  return createMiddleware(async (c, next) => {
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !isSameOrigin(c.req.header("Origin"), c.req.header("Sec-Fetch-Site"), publicOrigin)
    ) {
      throw new AppError(403, "cross_origin", "Cette action doit être envoyée depuis une page de Concertation.");
    }
    await next();
  });
}

function isSameOrigin(origin: string | undefined, fetchSite: string | undefined, publicOrigin: string): boolean {
  if (origin !== undefined && origin !== "null") return origin === publicOrigin;
  return fetchSite === "same-origin";
}
