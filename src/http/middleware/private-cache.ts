import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.js";

/**
 * Paths whose pages are personal or carry a form with a CSRF-bound session
 * (sign-in, password reset, invitation): never stored by a browser or a proxy,
 * signed in or not. The public page cache skips them too.
 */
export const PRIVATE_PATH_PREFIXES = [
  "/admin",
  "/moderation",
  "/compte",
  "/tableau-de-bord",
  "/connexion",
  "/deconnexion",
  "/invitation",
  "/mot-de-passe",
  "/notifications",
];

export function isPrivatePath(path: string): boolean {
  return PRIVATE_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix));
}

/**
 * A response that depends on who asks (a valid session, a private path, a cookie
 * being set) must not be kept by a shared cache or the browser's history: one
 * place for every route, installed outside the routes so error pages get it too.
 */
export function privateResponsesNotStored() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const personal = c.get("session") !== undefined || isPrivatePath(c.req.path) || c.res.headers.has("Set-Cookie");
    if (!personal) return;
    c.header("Cache-Control", "private, no-store");
    if (!/\bcookie\b/i.test(c.res.headers.get("Vary") ?? "")) c.header("Vary", "Cookie", { append: true });
    c.header("ETag", undefined);
  });
}
