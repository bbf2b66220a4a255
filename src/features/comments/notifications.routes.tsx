import { Hono } from "hono";
import { z } from "zod";
import { notificationsText as t } from "../../../views/comments/comments.text.js";
import { NotificationSettingsPage, UnsubscribePage } from "../../../views/comments/NotificationPages.js";
import { requireUser, signedInUser } from "../../auth/guards.js";
import type { NotificationFrequency } from "../../domain/debate.js";
import type { AppDeps, AppEnv } from "../../http/env.js";
import { readForm } from "../../http/forms.js";
import { renderPage } from "../../http/render.js";
import { findFrequency, setFrequency } from "./notifications.queries.js";
import { verifyUnsubscribeToken } from "./notifications.service.js";

const FREQUENCIES: readonly NotificationFrequency[] = ["immediate", "daily", "off"];

/** The person's choice (immediately, daily digest, never) and the one-click unsubscribe of every email. */
const frequencyForm = z.object({ frequence: z.string().default("") });
const unsubscribeForm = z.object({ jeton: z.string().default("") });

export function notificationRoutes({ db }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .get("/compte/notifications", requireUser, async (c) => {
        const frequency = await findFrequency(db, signedInUser(c).id);
        const page = <NotificationSettingsPage frequency={frequency} saved={c.req.query("message") === "enregistre"} />;
        return renderPage(c, page, { title: t.settingsTitle });
      })
      .post("/compte/notifications", requireUser, async (c) => {
        const form = await readForm(c, frequencyForm);
        const frequency = FREQUENCIES.find((f) => form.ok && f === form.data.frequence) ?? "immediate";
        await setFrequency(db, signedInUser(c).id, frequency);
        return c.redirect("/compte/notifications?message=enregistre", 303);
      })
      // GET only shows the button: mail scanners follow links, and must not unsubscribe anybody.
      .get("/notifications/desabonnement", async (c) => {
        const token = c.req.query("jeton") ?? "";
        const valid = (await verifyUnsubscribeToken(db, token)) !== null;
        const status = valid ? 200 : 404;
        return renderPage(
          c,
          <UnsubscribePage token={token} state={valid ? "ask" : "invalid"} />,
          { title: t.unsubscribeTitle },
          status,
        );
      })
      .post("/notifications/desabonnement", async (c) => {
        const form = await readForm(c, unsubscribeForm);
        const token = form.ok ? form.data.jeton : "";
        const userId = await verifyUnsubscribeToken(db, token);
        if (!userId)
          return renderPage(c, <UnsubscribePage token="" state="invalid" />, { title: t.unsubscribeTitle }, 404);
        await setFrequency(db, userId, "off");
        return renderPage(c, <UnsubscribePage token="" state="done" />, { title: t.unsubscribeTitle });
      })
  );
}
