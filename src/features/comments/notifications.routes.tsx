import { type Context, Hono } from "hono";
import { z } from "zod";
import { notificationsText as t } from "../../../views/comments/comments.text.js";
import { NotificationSettingsPage, UnsubscribePage } from "../../../views/comments/NotificationPages.js";
import { requireUser } from "../../auth/guards.js";
import type { NotificationFrequency } from "../../domain/debate.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../http/env.js";
import { readForm } from "../../http/forms.js";
import { personal } from "../../http/middleware/private-cache.js";
import { renderPage } from "../../http/render.js";
import { findFrequency, setFrequency } from "./notifications.queries.js";
import { verifyUnsubscribeToken } from "./notifications.service.js";

const FREQUENCIES: readonly NotificationFrequency[] = ["immediate", "daily", "off"];

/** The person's choice: immediately, daily digest, never. */
const frequencyForm = z.object({ frequence: z.string().default("") });
const unsubscribeForm = z.object({ jeton: z.string().default("") });

/** The person's own choice, nested in the account area (`/compte/notifications`), which guards it. */
export function notificationSettingsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireUser)
    .get("/", (c) => showNotificationSettings(c, deps))
    .post("/", (c) => postNotificationFrequency(c, deps));
}

/** The one-click unsubscribe of every email (`/notifications`): the link's token is the only key, so personal. */
export function unsubscribeRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      .use(personal)
      // GET only shows the button: mail scanners follow links, and must not unsubscribe anybody.
      .get("/desabonnement", (c) => showUnsubscribe(c, deps))
      .post("/desabonnement", (c) => postUnsubscribe(c, deps))
  );
}

async function showNotificationSettings(c: Context<ActorEnv>, deps: AppDeps) {
  const frequency = await findFrequency(deps.db, c.var.actor.id);
  const page = <NotificationSettingsPage frequency={frequency} saved={c.req.query("message") === "enregistre"} />;
  return renderPage(c, page, { title: t.settingsTitle });
}

/** An unknown frequency falls back to immediately. */
async function postNotificationFrequency(c: Context<ActorEnv>, deps: AppDeps) {
  const form = await readForm(c, frequencyForm);
  const frequency = FREQUENCIES.find((f) => form.ok && f === form.data.frequence) ?? "immediate";
  await setFrequency(deps.db, c.var.actor.id, frequency);
  return c.redirect("/compte/notifications?message=enregistre", 303);
}

async function showUnsubscribe(c: Context<AppEnv>, deps: AppDeps) {
  const token = c.req.query("jeton") ?? "";
  const valid = (await verifyUnsubscribeToken(deps.db, token)) !== null;
  const status = valid ? 200 : 404;
  return renderPage(
    c,
    <UnsubscribePage token={token} state={valid ? "ask" : "invalid"} />,
    { title: t.unsubscribeTitle },
    status,
  );
}

async function postUnsubscribe(c: Context<AppEnv>, deps: AppDeps) {
  const form = await readForm(c, unsubscribeForm);
  const token = form.ok ? form.data.jeton : "";
  const userId = await verifyUnsubscribeToken(deps.db, token);
  if (!userId) return renderPage(c, <UnsubscribePage token="" state="invalid" />, { title: t.unsubscribeTitle }, 404);
  await setFrequency(deps.db, userId, "off");
  return renderPage(c, <UnsubscribePage token="" state="done" />, { title: t.unsubscribeTitle });
}
