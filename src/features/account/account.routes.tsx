import { type Context, Hono } from "hono";
import { z } from "zod";
import { AccountPage } from "../../../views/account/AccountPage.js";
import { accountText as t } from "../../../views/account/account.text.js";
import { ChangePasswordPage } from "../../../views/account/ChangePasswordPage.js";
import { TwoFactorPage } from "../../../views/account/TwoFactorPage.js";
import { checkNewPassword, newPasswordFields } from "../../auth/auth.forms.js";
import { listUserSessions } from "../../auth/auth.queries.js";
import { requireUser } from "../../auth/guards.js";
import { decodeTotpKey, encodeTotpKey, generateTotpKey, totpUri } from "../../auth/totp.js";
import { requiresTwoFactor } from "../../domain/permissions.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../http/env.js";
import { readForm } from "../../http/forms.js";
import { SESSION_ID } from "../../http/params.js";
import { renderPage } from "../../http/render.js";
import { changePassword, disableTwoFactor, enableTwoFactor, endOwnSession } from "./account.service.js";

const changePasswordForm = z
  .object({
    currentPassword: z
      .string({ error: "Indiquez votre mot de passe actuel." })
      .min(1, "Indiquez votre mot de passe actuel."),
    ...newPasswordFields,
  })
  .superRefine((values, ctx) => checkNewPassword(values, ctx));

const enableForm = z.object({ key: z.string().max(64), code: z.string().trim().max(8) });
const disableForm = z.object({ password: z.string().min(1, "Indiquez votre mot de passe.").max(128) });

type Ctx = Context<ActorEnv>;

/** The signed-in person's own account (`/compte`): sessions, password and two-factor authentication. */
export function accountRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>().use(requireUser);
  app.get("/", (c) => showAccount(c, deps));
  app.post(`/sessions/${SESSION_ID}/terminer`, (c) => endSession(c, deps));
  app.get("/mot-de-passe", (c) => changePasswordPage(c));
  app.post("/mot-de-passe", (c) => changeOwnPassword(c, deps));
  app.get("/double-authentification", (c) => twoFactorPage(c));
  app.post("/double-authentification", (c) => enableOwnTwoFactor(c, deps));
  app.post("/double-authentification/desactiver", (c) => disableOwnTwoFactor(c, deps));
  return app;
}

async function showAccount(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const user = c.var.actor;
  const session = c.var.actorSession;
  const sessions = (await listUserSessions(db, user.id)).map((s) => ({ ...s, current: s.id === session.id }));
  return renderPage(
    c,
    <AccountPage
      displayName={user.displayName}
      email={user.email}
      role={user.role}
      organisationName={user.mandate?.organisationName ?? null}
      totpEnabled={user.totpEnabled}
      sessions={sessions}
      message={t.messages[c.req.query("message") ?? ""]}
    />,
    { title: t.title },
  );
}

async function endSession(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  await endOwnSession(db, c.var.actor.id, c.req.param("id") ?? "");
  return c.redirect("/compte?message=session-terminee", 303);
}

async function changePasswordPage(c: Ctx) {
  return renderPage(c, <ChangePasswordPage errors={{}} />, { title: t.password.title });
}

async function changeOwnPassword(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const user = c.var.actor;
  const session = c.var.actorSession;
  const form = await readForm(c, changePasswordForm);
  const retry = (errors: Record<string, string>) =>
    renderPage(c, <ChangePasswordPage errors={errors} />, { title: t.password.title }, 422);
  if (!form.ok) return retry(form.errors);
  const outcome = await changePassword(db, {
    userId: user.id,
    sessionId: session.id,
    currentPassword: form.data.currentPassword,
    newPassword: form.data.password,
  });
  if (outcome === "wrong-password") return retry({ currentPassword: t.password.wrong });
  return c.redirect("/compte?message=mot-de-passe-change", 303);
}

async function twoFactorPage(c: Ctx) {
  const user = c.var.actor;
  const message = t.messages[c.req.query("message") ?? ""];
  if (user.totpEnabled)
    return renderPage(c, <TwoFactorPage mode="enabled" staff={requiresTwoFactor(user)} message={message} />, {
      title: t.totp.title,
    });
  const key = generateTotpKey();
  return renderPage(
    c,
    <TwoFactorPage mode="setup" secret={encodeTotpKey(key)} uri={totpUri(user.email, key)} message={message} />,
    { title: t.totp.title },
  );
}

async function enableOwnTwoFactor(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const user = c.var.actor;
  const session = c.var.actorSession;
  const form = await readForm(c, enableForm);
  const key = form.ok ? decodeTotpKey(form.data.key) : undefined;
  const codes =
    key && form.ok
      ? await enableTwoFactor(db, { userId: user.id, sessionId: session.id, key, code: form.data.code })
      : undefined;
  if (!codes) {
    const retryKey = key ?? generateTotpKey();
    return renderPage(
      c,
      <TwoFactorPage
        mode="setup"
        secret={encodeTotpKey(retryKey)}
        uri={totpUri(user.email, retryKey)}
        error={t.totp.wrongCode}
      />,
      { title: t.totp.title },
      422,
    );
  }
  c.header("Cache-Control", "no-store");
  return renderPage(c, <TwoFactorPage mode="recovery-codes" codes={codes} />, { title: t.totp.recoveryTitle });
}

async function disableOwnTwoFactor(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const user = c.var.actor;
  const form = await readForm(c, disableForm);
  const outcome = form.ok
    ? await disableTwoFactor(db, { userId: user.id, password: form.data.password, staff: requiresTwoFactor(user) })
    : "wrong-password";
  if (outcome === "wrong-password") {
    return renderPage(
      c,
      <TwoFactorPage mode="enabled" staff={false} error={t.password.wrong} />,
      { title: t.totp.title },
      422,
    );
  }
  return c.redirect("/compte?message=deux-facteurs-desactive", 303);
}
