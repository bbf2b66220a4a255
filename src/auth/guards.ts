import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type Capability, can, requiresTwoFactor } from "../domain/permissions.js";
import type { ActorEnv } from "../http/env.js";
import { AppError } from "../http/errors.js";

const SIGN_IN = "/connexion";
export const SECOND_FACTOR_PAGE = "/connexion/verification";
export const TWO_FACTOR_SETUP_PAGE = "/compte/double-authentification";

/** Where to send someone after signing in: only a local path, never another site. */
export function safeNextPath(value: string | undefined): string {
  return value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : "/";
}

function redirectOrRefuse(c: Context<ActorEnv>, location: string, message: string) {
  if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect(location, 303);
  throw new AppError(403, "forbidden", message);
}

/** The signed-in person past the second factor, or the response that sends them to get there. */
function admit(c: Context<ActorEnv>): Response | undefined {
  c.set("personal", true);
  const user = c.get("user");
  const session = c.get("session");
  if (!user || !session) {
    const next = encodeURIComponent(c.req.path);
    return redirectOrRefuse(c, `${SIGN_IN}?suite=${next}`, "Connectez-vous pour faire cette action.");
  }
  if (user.totpEnabled && !session.twoFactorVerified) {
    return redirectOrRefuse(c, SECOND_FACTOR_PAGE, "Saisissez d'abord votre code de double authentification.");
  }
  c.set("actor", user);
  c.set("actorSession", session);
  return undefined;
}

/** Signed in, and past the second factor when the account has one; sets `actor` for the handlers behind it. */
export const requireUser = createMiddleware<ActorEnv>(async (c, next) => {
  const refusal = admit(c);
  if (refusal) return refusal;
  await next();
});

/** Staff pages: signed in, the capability, and two-factor authentication switched on and verified. */
export function requireCapability(capability: Exclude<Capability, "act-for-organisation">) {
  return createMiddleware<ActorEnv>(async (c, next) => {
    const refusal = admit(c);
    if (refusal) return refusal;
    const user = c.var.actor;
    if (!can(user, capability)) {
      throw new AppError(403, "forbidden", "Cette page est réservée à l'équipe de modération et d'administration.");
    }
    if (requiresTwoFactor(user) && !user.totpEnabled) {
      return redirectOrRefuse(
        c,
        `${TWO_FACTOR_SETUP_PAGE}?message=deux-facteurs-requis`,
        "Activez la double authentification avant toute action de modération ou d'administration.",
      );
    }
    await next();
  });
}
