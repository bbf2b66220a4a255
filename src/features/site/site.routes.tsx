import { type Context, Hono } from "hono";
import { text } from "../../../views/common/text.js";
import { HomePage } from "../../../views/home/HomePage.js";
import type { ProposalSummaryView } from "../../../views/proposals/ProposalSummary.js";
import { AboutPage } from "../../../views/site/AboutPage.js";
import { AccessibilityPage } from "../../../views/site/AccessibilityPage.js";
import { ContactPage } from "../../../views/site/ContactPage.js";
import { HelpPage } from "../../../views/site/HelpPage.js";
import { LegalNoticePage } from "../../../views/site/LegalNoticePage.js";
import { PersonalDataPage } from "../../../views/site/PersonalDataPage.js";
import { SiteMapPage } from "../../../views/site/SiteMapPage.js";
import { siteText } from "../../../views/site/site.text.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { renderPage } from "../../http/render.js";
import { countBallotsByProposal } from "../ballots/index.js";
import { countDebateByProposal } from "../comments/index.js";
import { countKinds, countOrganisations } from "../organisations/index.js";
import { listProposals } from "../proposals/index.js";
import { retentionFacts, siteIdentity } from "./site.facts.js";

/** The home page, the about page and the public-sector pages (accessibility, legal, personal data, map, contact, help), all public. */
export function siteRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/", deps.publicPage, (c) => showHome(c, deps))
    .get("/a-propos", deps.publicPage, (c) => showAbout(c, deps))
    .get("/accessibilite", deps.publicPage, (c) => showAccessibility(c, deps))
    .get("/mentions-legales", deps.publicPage, (c) => showLegalNotice(c, deps))
    .get("/donnees-personnelles", deps.publicPage, (c) => showPersonalData(c, deps))
    .get("/plan-du-site", deps.publicPage, (c) => showSiteMap(c, deps))
    .get("/contact", deps.publicPage, (c) => showContact(c, deps))
    .get("/aide", deps.publicPage, (c) => showHelp(c));
}

/** Each proposal as a card: status, dates, turnout and the debate's size, so nobody has to open it to know. */
async function showHome(c: Context<AppEnv>, { db }: RouteDeps) {
  const [rows, organisationCount, kindCount, turnouts, debates] = await Promise.all([
    listProposals(db),
    countOrganisations(db),
    countKinds(db),
    countBallotsByProposal(db),
    countDebateByProposal(db),
  ]);
  const proposals: ProposalSummaryView[] = rows.map((row) => ({
    ...row,
    turnout: turnouts.get(row.id) ?? 0,
    eligible: organisationCount,
    debate: debates.get(row.id) ?? { comments: 0, organisations: 0 },
  }));
  const notice = c.req.query("message") === "deconnecte" ? text.home.signedOut : undefined;
  const page = (
    <HomePage
      proposals={proposals}
      organisationCount={organisationCount}
      kindCount={kindCount}
      notice={notice}
      now={new Date()}
    />
  );
  return renderPage(c, page, { title: text.siteName });
}

async function showAbout(c: Context<AppEnv>, { db }: RouteDeps) {
  const organisationCount = await countOrganisations(db);
  return renderPage(c, <AboutPage organisationCount={organisationCount} />, { title: text.about.title });
}

function showAccessibility(c: Context<AppEnv>, { config }: RouteDeps) {
  return renderPage(c, <AccessibilityPage site={siteIdentity(config)} />, { title: siteText.accessibility.title });
}

function showLegalNotice(c: Context<AppEnv>, { config }: RouteDeps) {
  return renderPage(c, <LegalNoticePage site={siteIdentity(config)} />, { title: siteText.legal.title });
}

function showPersonalData(c: Context<AppEnv>, { config }: RouteDeps) {
  const page = <PersonalDataPage site={siteIdentity(config)} retention={retentionFacts(config)} />;
  return renderPage(c, page, { title: siteText.privacy.title });
}

async function showSiteMap(c: Context<AppEnv>, { db }: RouteDeps) {
  const proposals = await listProposals(db);
  return renderPage(c, <SiteMapPage proposals={proposals} />, { title: siteText.siteMap.title });
}

function showContact(c: Context<AppEnv>, { config }: RouteDeps) {
  return renderPage(c, <ContactPage site={siteIdentity(config)} />, { title: siteText.contact.title });
}

function showHelp(c: Context<AppEnv>) {
  return renderPage(c, <HelpPage />, { title: siteText.help.title });
}
