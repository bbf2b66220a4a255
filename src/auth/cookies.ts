import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Config } from "../platform/config.js";

/** `__Host-` (Secure, Path=/, no Domain) whenever we are served over https, as in production. */
export function sessionCookieName(config: Pick<Config, "publicOrigin">): string {
  return isHttps(config) ? "__Host-session" : "session";
}

function isHttps(config: Pick<Config, "publicOrigin">): boolean {
  return config.publicOrigin.startsWith("https://");
}

export function readSessionCookie(c: Context, config: Pick<Config, "publicOrigin">): string | undefined {
  return getCookie(c, sessionCookieName(config));
}

export function writeSessionCookie(c: Context, config: Pick<Config, "publicOrigin">, token: string, expiresAt: Date) {
  setCookie(c, sessionCookieName(config), token, {
    httpOnly: true,
    secure: isHttps(config),
    sameSite: "Lax",
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, config: Pick<Config, "publicOrigin">) {
  deleteCookie(c, sessionCookieName(config), { path: "/", secure: isHttps(config), httpOnly: true, sameSite: "Lax" });
}
