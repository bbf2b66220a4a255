import { Hono } from "hono";
import { authText } from "../../../views/auth/auth.text.js";
import { InvitationPage } from "../../../views/auth/InvitationPage.js";
import { LinkProblemPage } from "../../../views/auth/LinkProblemPage.js";
import { invitationForm } from "../../auth/auth.forms.js";
import { deleteSession } from "../../auth/auth.queries.js";
import { writeSessionCookie } from "../../auth/cookies.js";
import { createSession } from "../../auth/session.js";
import { clientIp } from "../../http/client-ip.js";
import type { AppDeps, AppEnv } from "../../http/env.js";
import { readForm } from "../../http/forms.js";
import { renderPage } from "../../http/render.js";
import { acceptInvitation, findInvitationByToken } from "./invitations.service.js";

/** Accepting an invitation: the person chooses a password and is signed in, with the mandate it carries. */
export function invitationRoutes(deps: AppDeps) {
  const { db, config } = deps;
  const app = new Hono<AppEnv>();

  app.get("/invitation/:token", async (c) => {
    const token = c.req.param("token");
    const invitation = await findInvitationByToken(db, token);
    if (invitation.state !== "valid" || !("email" in invitation)) {
      return renderPage(
        c,
        <LinkProblemPage state={invitation.state as "unknown"} kind="invitation" />,
        { title: authText.link.invalidTitle },
        410,
      );
    }
    return renderPage(
      c,
      <InvitationPage
        token={token}
        email={invitation.email}
        role={invitation.role}
        organisationName={invitation.organisationName}
        values={{}}
        errors={{}}
      />,
      { title: authText.invitation.title },
    );
  });

  app.post("/invitation/:token", async (c) => {
    const token = c.req.param("token");
    const invitation = await findInvitationByToken(db, token);
    if (invitation.state !== "valid" || !("email" in invitation)) {
      return renderPage(
        c,
        <LinkProblemPage state={invitation.state as "unknown"} kind="invitation" />,
        { title: authText.link.invalidTitle },
        410,
      );
    }
    const form = await readForm(c, invitationForm(invitation.email));
    if (!form.ok) {
      return renderPage(
        c,
        <InvitationPage
          token={token}
          email={invitation.email}
          role={invitation.role}
          organisationName={invitation.organisationName}
          values={form.values}
          errors={form.errors}
        />,
        { title: authText.invitation.title },
        422,
      );
    }
    const accepted = await acceptInvitation(db, token, form.data);
    if ("state" in accepted) {
      return renderPage(
        c,
        <LinkProblemPage state={accepted.state as "unknown"} kind="invitation" />,
        { title: authText.link.invalidTitle },
        410,
      );
    }
    const ip = clientIp(c, config.trustProxy);
    const { token: sessionToken, session } = await createSession(
      db,
      accepted.userId,
      { twoFactorVerified: true, ip, userAgent: c.req.header("User-Agent") ?? "" },
      config,
    );
    await endCurrentSession(c);
    writeSessionCookie(c, config, sessionToken, session.expiresAt);
    return c.redirect("/compte?message=bienvenue", 303);
  });

  async function endCurrentSession(c: { get(key: "session"): { id: string } | undefined }) {
    const current = c.get("session");
    if (current) await deleteSession(db, current.id);
  }
  return app;
}
