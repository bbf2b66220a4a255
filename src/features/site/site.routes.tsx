import { type Context, Hono } from "hono";
import { text } from "../../../views/common/text.js";
import { HomePage } from "../../../views/home/HomePage.js";
import { AboutPage } from "../../../views/site/AboutPage.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { renderPage } from "../../http/render.js";
import { countKinds, countOrganisations } from "../organisations/index.js";
import { listProposals } from "../proposals/index.js";

/** The home page and the about page, both public. */
export function siteRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/", deps.publicPage, (c) => showHome(c, deps))
    .get("/a-propos", deps.publicPage, (c) => showAbout(c, deps));
}

async function showHome(c: Context<AppEnv>, { db }: RouteDeps) {
  const [proposals, organisationCount, kindCount] = await Promise.all([
    listProposals(db),
    countOrganisations(db),
    countKinds(db),
  ]);
  const notice = c.req.query("message") === "deconnecte" ? text.home.signedOut : undefined;
  const page = (
    <HomePage proposals={proposals} organisationCount={organisationCount} kindCount={kindCount} notice={notice} />
  );
  return renderPage(c, page, { title: text.siteName });
}

async function showAbout(c: Context<AppEnv>, { db }: RouteDeps) {
  const organisationCount = await countOrganisations(db);
  return renderPage(c, <AboutPage organisationCount={organisationCount} />, { title: text.about.title });
}
