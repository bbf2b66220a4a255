import { Hono } from "hono";
import { text } from "../../../views/common/text.js";
import { HomePage } from "../../../views/home/HomePage.js";
import { AboutPage } from "../../../views/site/AboutPage.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { renderPage } from "../../http/render.js";
import { countKinds, countOrganisations } from "../organisations/index.js";
import { listProposals } from "../proposals/index.js";

export function siteRoutes({ db, publicPage }: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/", publicPage, async (c) => {
      const [proposals, organisationCount, kindCount] = await Promise.all([
        listProposals(db),
        countOrganisations(db),
        countKinds(db),
      ]);
      return renderPage(
        c,
        <HomePage
          proposals={proposals}
          organisationCount={organisationCount}
          kindCount={kindCount}
          notice={c.req.query("message") === "deconnecte" ? text.home.signedOut : undefined}
        />,
        {
          title: text.siteName,
        },
      );
    })
    .get("/a-propos", publicPage, async (c) => {
      const organisationCount = await countOrganisations(db);
      return renderPage(c, <AboutPage organisationCount={organisationCount} />, { title: text.about.title });
    });
}
