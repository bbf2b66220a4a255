import { type Context, Hono } from "hono";
import { ballotsText as t } from "../../../../views/ballots/ballots.text.js";
import { ScreenPage } from "../../../../views/ballots/screen/ScreenPage.js";
import type { AppEnv, RouteDeps } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { renderPage } from "../../../http/render.js";
import { liveScripts } from "../../../live/live-scripts.js";
import { loadScreen } from "./screen.service.js";

/** Seconds between reloads of the meeting screen when scripts do not run. */
const RELOAD_WITHOUT_SCRIPT_S = 15;

/** The meeting screen: public, like the turnout it shows. */
export function screenRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get("/propositions/:slug/seance", deps.publicPage, (c) => showScreen(c, deps));
}

async function showScreen(c: Context<AppEnv>, deps: RouteDeps) {
  const view = await loadScreen(deps.db, { slug: c.req.param("slug") ?? "" });
  if (!view) throw notFound(t.screen.unknown);
  const page = (
    <ScreenPage view={view} liveUrl={`/propositions/${view.slug}/direct?vue=seance`} scripts={liveScripts()} />
  );
  return renderPage(c, page, {
    title: t.screen.title(view.title),
    layout: "screen",
    refreshWithoutScript: RELOAD_WITHOUT_SCRIPT_S,
  });
}
