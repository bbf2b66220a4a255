import { type Context, Hono } from "hono";
import { authText } from "../../views/auth/auth.text.js";
import { ForgotPasswordPage } from "../../views/auth/ForgotPasswordPage.js";
import { LinkProblemPage } from "../../views/auth/LinkProblemPage.js";
import { ResetPasswordPage } from "../../views/auth/ResetPasswordPage.js";
import { SecondFactorPage } from "../../views/auth/SecondFactorPage.js";
import { SignInPage } from "../../views/auth/SignInPage.js";
import { clientIp } from "../http/client-ip.js";
import type { AppDeps, AppEnv } from "../http/env.js";
import { controlCharacterError, formRefusal, readForm } from "../http/forms.js";
import { personal } from "../http/middleware/private-cache.js";
import { renderPage } from "../http/render.js";
import { forgotPasswordForm, resetPasswordForm, secondFactorForm, signInForm } from "./auth.forms.js";
import { passwordResetState, requestPasswordReset, resetPassword, signIn, verifySecondFactor } from "./auth.service.js";
import { clearSessionCookie, writeSessionCookie } from "./cookies.js";
import { SECOND_FACTOR_PAGE, safeNextPath } from "./guards.js";
import { endCurrentSession } from "./session.middleware.js";

type Ctx = Context<AppEnv>;

/** Sign-in, second factor, sign-out and password reset: every page personal, declared on its route. */
export function authRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get("/connexion", personal, (c) => signInPage(c));
  app.post("/connexion", personal, (c) => signInWithPassword(c, deps));
  app.get(SECOND_FACTOR_PAGE, personal, (c) => secondFactorPage(c));
  app.post(SECOND_FACTOR_PAGE, personal, (c) => checkSecondFactor(c, deps));
  app.post("/deconnexion", personal, (c) => signOut(c, deps));
  app.get("/mot-de-passe-oublie", personal, (c) => forgotPasswordPage(c));
  app.post("/mot-de-passe-oublie", personal, (c) => sendResetLink(c, deps));
  app.get("/mot-de-passe/nouveau/:token", personal, (c) => newPasswordPage(c, deps));
  app.post("/mot-de-passe/nouveau/:token", personal, (c) => setNewPassword(c, deps));
  return app;
}

async function signInPage(c: Ctx) {
  return renderPage(c, <SignInPage next={c.req.query("suite")} notice={noticeFor(c.req.query("message"))} />, {
    title: authText.signIn.title,
  });
}

async function signInWithPassword(c: Ctx, deps: AppDeps) {
  const { db, config } = deps;
  const form = await readForm(c, signInForm);
  const next = safeNextPath(form.values.suite);
  const retry = (error: string, status: 422 | 429) =>
    renderPage(
      c,
      <SignInPage email={form.values.email} next={form.values.suite} error={error} />,
      { title: authText.signIn.title },
      status,
    );
  if (!form.ok) return retry(controlCharacterError(form.errors) ?? authText.signIn.invalid, 422);
  try {
    const ip = clientIp(c, config.trustProxy);
    const opened = await signIn(db, { ...form.data, ip, userAgent: c.req.header("User-Agent") ?? "" }, config);
    if (!opened) return retry(authText.signIn.invalid, 422);
    await endCurrentSession(c, db);
    writeSessionCookie(c, config, opened.token, opened.expiresAt);
    return c.redirect(opened.needsSecondFactor ? `${SECOND_FACTOR_PAGE}?suite=${encodeURIComponent(next)}` : next, 303);
  } catch (error) {
    const refusal = formRefusal(error);
    if (refusal?.status === 429) return retry(refusal.message, 429);
    throw error;
  }
}

async function secondFactorPage(c: Ctx) {
  if (!c.get("user")) return c.redirect("/connexion", 303);
  return renderPage(c, <SecondFactorPage next={c.req.query("suite")} />, { title: authText.secondFactor.title });
}

async function checkSecondFactor(c: Ctx, deps: AppDeps) {
  const { db, config } = deps;
  const user = c.get("user");
  const session = c.get("session");
  if (!user || !session) return c.redirect("/connexion", 303);
  const form = await readForm(c, secondFactorForm);
  const retry = (error: string, status: 422 | 429) =>
    renderPage(
      c,
      <SecondFactorPage error={error} next={form.values.suite} />,
      { title: authText.secondFactor.title },
      status,
    );
  if (!form.ok) return retry(authText.secondFactor.invalid, 422);
  try {
    const ip = clientIp(c, config.trustProxy);
    const verified = await verifySecondFactor(db, {
      userId: user.id,
      sessionId: session.id,
      code: form.data.code,
      ip,
    });
    return verified ? c.redirect(safeNextPath(form.data.suite), 303) : retry(authText.secondFactor.invalid, 422);
  } catch (error) {
    const refusal = formRefusal(error);
    if (refusal?.status === 429) return retry(refusal.message, 429);
    throw error;
  }
}

async function signOut(c: Ctx, deps: AppDeps) {
  const { db, config } = deps;
  await endCurrentSession(c, db);
  clearSessionCookie(c, config);
  return c.redirect("/?message=deconnecte", 303);
}

async function forgotPasswordPage(c: Ctx) {
  return renderPage(c, <ForgotPasswordPage />, { title: authText.forgot.title });
}

async function sendResetLink(c: Ctx, deps: AppDeps) {
  const { db, config } = deps;
  const form = await readForm(c, forgotPasswordForm);
  if (!form.ok) {
    return renderPage(
      c,
      <ForgotPasswordPage email={form.values.email} error={form.errors.email} />,
      { title: authText.forgot.title },
      422,
    );
  }
  await requestPasswordReset(db, { email: form.data.email, ip: clientIp(c, config.trustProxy) }, config.publicOrigin);
  return renderPage(c, <ForgotPasswordPage sent />, { title: authText.forgot.title });
}

async function newPasswordPage(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const token = c.req.param("token") ?? "";
  const state = await passwordResetState(db, token);
  if (state !== "valid")
    return renderPage(c, <LinkProblemPage state={state} kind="reset" />, { title: authText.link.invalidTitle }, 410);
  return renderPage(c, <ResetPasswordPage token={token} errors={{}} />, { title: authText.reset.title });
}

async function setNewPassword(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const token = c.req.param("token") ?? "";
  const form = await readForm(c, resetPasswordForm);
  if (!form.ok)
    return renderPage(
      c,
      <ResetPasswordPage token={token} errors={form.errors} />,
      { title: authText.reset.title },
      422,
    );
  const state = await resetPassword(db, token, form.data.password);
  if (state !== "valid")
    return renderPage(c, <LinkProblemPage state={state} kind="reset" />, { title: authText.link.invalidTitle }, 410);
  return c.redirect("/connexion?message=mot-de-passe-change", 303);
}

function noticeFor(message: string | undefined): string | undefined {
  if (message === "mot-de-passe-change") return "Mot de passe enregistré : connectez-vous avec le nouveau.";
  if (message === "session-terminee") return "Votre session a pris fin : reconnectez-vous.";
  return undefined;
}
