import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.js";

/**
 * Marks every response of the route or area it guards as personal (`Cache-Control: private,
 * no-store`, never in the page cache): sign-in forms, invitations, account and staff pages.
 */
export const personal = createMiddleware<AppEnv>(async (c, next) => {
  c.set("personal", true);
  await next();
});

/**
 * A response that depends on who asks (a valid session, a route or area declared
 * `personal` where it is declared, a cookie being set) must not be kept by a shared
 * cache or the browser's history: one place for every route, installed outside the
 * routes so error pages get it too.
 */
export function privateResponsesNotStored() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const personal = c.get("session") !== undefined || c.get("personal") === true || c.res.headers.has("Set-Cookie");
    if (!personal) return;
    c.header("Cache-Control", "private, no-store");
    if (!/\bcookie\b/i.test(c.res.headers.get("Vary") ?? "")) c.header("Vary", "Cookie", { append: true });
    c.header("ETag", undefined);
  });
}
