import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv, CurrentUser } from "../http/env.js";
import { deleteSession, findUserWithMandate } from "./auth.queries.js";
import { clearSessionCookie, readSessionCookie } from "./cookies.js";
import { validateSessionToken } from "./session.js";

/** Reads the session cookie; sets `user` and `session`, or clears a cookie that no longer opens anything. */
export function sessionMiddleware({ db, config }: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = readSessionCookie(c, config);
    if (token) {
      const session = await validateSessionToken(db, token, config);
      const row = session ? await findUserWithMandate(db, session.userId) : undefined;
      if (session && row?.status === "active") {
        c.set("session", { id: session.id, twoFactorVerified: session.twoFactorVerified });
        c.set("user", toCurrentUser(row));
      } else {
        clearSessionCookie(c, config);
      }
    }
    await next();
  });
}

function toCurrentUser(row: NonNullable<Awaited<ReturnType<typeof findUserWithMandate>>>): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    totpEnabled: row.totpEnabledAt !== null,
    mandate:
      row.mandateId && row.organisationId && row.organisationSlug && row.organisationName
        ? {
            id: row.mandateId,
            organisationId: row.organisationId,
            organisationSlug: row.organisationSlug,
            organisationName: row.organisationName,
          }
        : null,
  };
}

/** Ends the session this request came with, if any: before another one is opened in its place. */
export async function endCurrentSession(c: Context<AppEnv>, db: AppDeps["db"]): Promise<void> {
  const current = c.get("session");
  if (current) await deleteSession(db, current.id);
}
