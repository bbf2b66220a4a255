import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type Capability, can, requiresTwoFactor } from "../domain/permissions.js";
import type { AppEnv, CurrentSession, CurrentUser } from "../http/env.js";
import { AppError } from "../http/errors.js";

const SIGN_IN = "/connexion";
export const SECOND_FACTOR_PAGE = "/connexion/verification";
export const TWO_FACTOR_SETUP_PAGE = "/compte/double-authentification";

/** Where to send someone after signing in: only a local path, never another site. */
export function safeNextPath(value: string | undefined): string {
  return value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : "/";
}

function redirectOrRefuse(c: Context<AppEnv>, location: string, message: string) {
  if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect(location, 303);
  throw new AppError(403, "forbidden", message);
}

/** Signed in, and past the second factor when the account has one. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get("user");
  if (!user) {
    const next = encodeURIComponent(c.req.path);
    return redirectOrRefuse(c, `${SIGN_IN}?suite=${next}`, "Connectez-vous pour faire cette action.");
  }
  if (user.totpEnabled && !c.get("session")?.twoFactorVerified) {
    return redirectOrRefuse(c, SECOND_FACTOR_PAGE, "Saisissez d'abord votre code de double authentification.");
  }
  await next();
});

/** Staff pages: the capability, and two-factor authentication switched on and verified. */
export function requireCapability(capability: Exclude<Capability, "act-for-organisation">) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = signedInUser(c);
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

type UserReader = { get(key: "user"): CurrentUser | undefined };
type SessionReader = { get(key: "session"): CurrentSession | undefined };

/** The signed-in person, on a route behind requireUser: checked once here, never cast. */
export function signedInUser(c: UserReader): CurrentUser {
  const user = c.get("user");
  if (!user) throw new AppError(403, "forbidden", "Connectez-vous pour faire cette action.");
  return user;
}

/** The current session, on a route behind requireUser. */
export function currentSession(c: SessionReader): CurrentSession {
  const session = c.get("session");
  if (!session) throw new AppError(403, "forbidden", "Connectez-vous pour faire cette action.");
  return session;
}
