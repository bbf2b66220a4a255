import { type Context, Hono } from "hono";
import { authText } from "../../../views/auth/auth.text.js";
import { InvitationPage } from "../../../views/auth/InvitationPage.js";
import { LinkProblemPage } from "../../../views/auth/LinkProblemPage.js";
import { invitationForm } from "../../auth/auth.forms.js";
import { writeSessionCookie } from "../../auth/cookies.js";
import { createSession } from "../../auth/session.js";
import { endCurrentSession } from "../../auth/session.middleware.js";
import type { Role } from "../../domain/people.js";
import { clientIp } from "../../http/client-ip.js";
import type { AppDeps, AppEnv } from "../../http/env.js";
import { readForm } from "../../http/forms.js";
import { personal } from "../../http/middleware/private-cache.js";
import { renderPage } from "../../http/render.js";
import { acceptInvitation, findInvitationByToken } from "./invitations.service.js";

type Ctx = Context<AppEnv>;

/** Accepting an invitation (`/invitation`, personal): the person chooses a password and is signed in, with the mandate it carries. */
export function invitationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>().use(personal);
  app.get("/:token", (c) => showInvitation(c, deps));
  app.post("/:token", (c) => acceptInvitationAndSignIn(c, deps));
  return app;
}

async function showInvitation(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const token = c.req.param("token") ?? "";
  const invitation = await findInvitationByToken(db, token);
  if (invitation.state !== "valid" || !("email" in invitation)) {
    return linkProblem(c, invitation.state);
  }
  return invitationPage(c, token, invitation, {});
}

async function acceptInvitationAndSignIn(c: Ctx, deps: AppDeps) {
  const { db, config } = deps;
  const token = c.req.param("token") ?? "";
  const invitation = await findInvitationByToken(db, token);
  if (invitation.state !== "valid" || !("email" in invitation)) {
    return linkProblem(c, invitation.state);
  }
  const form = await readForm(c, invitationForm(invitation.email));
  if (!form.ok) {
    return invitationPage(c, token, invitation, { values: form.values, errors: form.errors }, 422);
  }
  const accepted = await acceptInvitation(db, token, form.data);
  if ("state" in accepted) {
    return linkProblem(c, accepted.state);
  }
  const ip = clientIp(c, config.trustProxy);
  const { token: sessionToken, session } = await createSession(
    db,
    accepted.userId,
    { twoFactorVerified: true, ip, userAgent: c.req.header("User-Agent") ?? "" },
    config,
  );
  await endCurrentSession(c, db);
  writeSessionCookie(c, config, sessionToken, session.expiresAt);
  return c.redirect("/compte?message=bienvenue", 303);
}

/** An invitation that can no longer be used: why, and what to do (410). */
function linkProblem(c: Ctx, state: string) {
  const page = <LinkProblemPage state={state as "unknown"} kind="invitation" />;
  return renderPage(c, page, { title: authText.link.invalidTitle }, 410);
}

/** The form that turns an invitation into an account, with what was typed when it comes back refused. */
function invitationPage(
  c: Ctx,
  token: string,
  invitation: { email: string; role: Role; organisationName: string | null },
  form: { values?: Record<string, string>; errors?: Record<string, string> },
  status: 200 | 422 = 200,
) {
  const page = (
    <InvitationPage
      token={token}
      email={invitation.email}
      role={invitation.role}
      organisationName={invitation.organisationName}
      values={form.values ?? {}}
      errors={form.errors ?? {}}
    />
  );
  return renderPage(c, page, { title: authText.invitation.title }, status);
}
