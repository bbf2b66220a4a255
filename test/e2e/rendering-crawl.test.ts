import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestPasswordReset } from "../../src/auth/auth.service.js";
import { sessionCookieName } from "../../src/auth/cookies.js";
import { createSession } from "../../src/auth/session.js";
import { unsubscribeToken } from "../../src/features/comments/notifications.service.js";
import { reportComment } from "../../src/features/moderation/moderation.service.js";
import { invite } from "../../src/features/people/index.js";
import type { Config } from "../../src/platform/config.js";
import { seedDemoAccounts } from "../../src/seed/demo-accounts.js";
import { listRepresentatives, seedDemoDebate } from "../../src/seed/demo-debate.js";
import { createTestApp } from "../helpers/app.js";
import { axeViolations, chromiumAvailable, launchChromium } from "../helpers/browser.js";
import { testSigner } from "../helpers/checkpoints.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { listen } from "../helpers/http-server.js";

/**
 * Every page the application serves by GET, rendered in Chromium: it reflows at 320 CSS px
 * (WCAG 1.4.10: nothing wider than the screen but inside a labelled scroll region, no sideways
 * page scroll, and no `overflow-x: hidden` hiding it) and has zero axe violations at 320 and
 * 1366 px. The route templates come from the application itself: a new page that is neither in
 * PAGES nor in EXCLUDED fails the first test, so it is crawled as soon as it exists.
 */

type Persona = "visitor" | "representative" | "moderator" | "administrator" | "staff awaiting their second factor";

/** What the crawl's database holds beyond the demo (ids, links' tokens), for the URLs that need them. */
interface Fixtures {
  /** A comment of the representative below (the first argument on ESCAP). */
  ownComment: string;
  /** Another representative's comment, reported once, so the moderation queue is not empty. */
  othersComment: string;
  /** A ballot receipt in the development mailbox (a long hash in a mail body). */
  receiptEmail: string;
  /** An invitation in the development mailbox (a long link). */
  invitationEmail: string;
  /** The representative's organisation, which voted on the closed proposal. */
  votingOrganisation: string;
  resetToken: string;
  invitationToken: string;
  unsubscribeToken: string;
}

interface Visit {
  path: string | ((fixtures: Fixtures) => string);
  as: Persona;
}

const visitor = (path: Visit["path"]): Visit => ({ path, as: "visitor" });
const representative = (path: Visit["path"]): Visit => ({ path, as: "representative" });
const moderator = (path: Visit["path"]): Visit => ({ path, as: "moderator" });
const administrator = (path: Visit["path"]): Visit => ({ path, as: "administrator" });

const COMMENT = "/commentaires/:id{[1-9][0-9]{0,18}}";

/** Each GET page template and the pages drawn from it (the representative voted on both demo votes). */
const PAGES: Record<string, Visit[]> = {
  "/": [visitor("/"), representative("/")],
  "/a-propos": [visitor("/a-propos")],
  "/accessibilite": [visitor("/accessibilite")],
  "/mentions-legales": [visitor("/mentions-legales")],
  "/donnees-personnelles": [visitor("/donnees-personnelles")],
  "/plan-du-site": [visitor("/plan-du-site")],
  "/contact": [visitor("/contact")],
  "/aide": [visitor("/aide")],
  "/propositions/:slug/seance": [
    visitor("/propositions/guichet-unique/seance"),
    visitor("/propositions/exercice-mixte/seance"),
  ],
  "/connexion": [visitor("/connexion")],
  "/connexion/verification": [{ path: "/connexion/verification", as: "staff awaiting their second factor" }],
  "/mot-de-passe-oublie": [visitor("/mot-de-passe-oublie")],
  "/mot-de-passe/nouveau/:token": [visitor((f) => `/mot-de-passe/nouveau/${f.resetToken}`)],
  "/invitation/:token": [visitor((f) => `/invitation/${f.invitationToken}`)],
  "/compte": [representative("/compte"), administrator("/compte")],
  "/compte/mot-de-passe": [representative("/compte/mot-de-passe")],
  "/compte/double-authentification": [representative("/compte/double-authentification")],
  "/compte/notifications": [representative("/compte/notifications")],
  "/notifications/desabonnement": [visitor((f) => `/notifications/desabonnement?jeton=${f.unsubscribeToken}`)],
  "/admin": [administrator("/admin")],
  "/admin/personnes": [administrator("/admin/personnes")],
  "/admin/invitations/nouvelle": [administrator("/admin/invitations/nouvelle")],
  "/admin/journal": [administrator("/admin/journal")],
  "/admin/votes": [administrator("/admin/votes")],
  "/admin/organisations": [administrator("/admin/organisations")],
  "/admin/organisations/nouvelle": [administrator("/admin/organisations/nouvelle")],
  "/admin/organisations/:slug/modifier": [administrator("/admin/organisations/apvf/modifier")],
  "/admin/organisations/import": [administrator("/admin/organisations/import")],
  "/moderation": [moderator("/moderation")],
  "/moderation/commentaires/:id{[1-9][0-9]{0,18}}": [moderator((f) => `/moderation/commentaires/${f.ownComment}`)],
  "/moderation/propositions/:slug": [moderator("/moderation/propositions/escap")],
  "/propositions/:slug": [
    visitor("/propositions/stages"),
    visitor("/propositions/escap"),
    representative("/propositions/escap"),
    representative("/propositions/guichet-unique"),
    moderator("/propositions/guichet-unique"),
    visitor("/propositions/exercice-mixte"),
    representative("/propositions/exercice-mixte"),
  ],
  "/organisations": [visitor("/organisations")],
  "/organisations/:slug": [visitor("/organisations/apvf"), visitor((f) => `/organisations/${f.votingOrganisation}`)],
  "/dev/courriels": [visitor("/dev/courriels")],
  "/dev/courriels/:id{[1-9][0-9]{0,18}}": [
    visitor((f) => `/dev/courriels/${f.receiptEmail}`),
    visitor((f) => `/dev/courriels/${f.invitationEmail}`),
  ],
  "/tableau-de-bord": [representative("/tableau-de-bord")],
  "/resultats": [visitor("/resultats")],
  "/journal": [visitor("/journal")],
  "/verifier": [visitor("/verifier")],
  [`${COMMENT}/repondre`]: [representative((f) => `/commentaires/${f.othersComment}/repondre`)],
  [`${COMMENT}/modifier`]: [representative((f) => `/commentaires/${f.ownComment}/modifier`)],
  [`${COMMENT}/supprimer`]: [representative((f) => `/commentaires/${f.ownComment}/supprimer`)],
  [`${COMMENT}/signaler`]: [representative((f) => `/commentaires/${f.othersComment}/signaler`)],
  "/propositions/:slug/debat": [visitor("/propositions/escap/debat")],
  "/propositions/:slug/commentaires": [visitor("/propositions/escap/commentaires")],
  [COMMENT]: [visitor((f) => `/commentaires/${f.ownComment}`)],
  [`${COMMENT}/historique`]: [visitor((f) => `/commentaires/${f.ownComment}/historique`)],
  "/recherche": [visitor("/recherche?q=coordination")],
  "/charte": [visitor("/charte")],
  "/journal-de-moderation": [visitor("/journal-de-moderation")],
  "/donnees": [visitor("/donnees")],
  "/dossier": [visitor("/dossier")],
  "/dossier/:slug": [visitor("/dossier/exercice-mixte")],
};

/** GET templates that are not pages, and why. */
const EXCLUDED: Record<string, string> = {
  "/static/:name": "static assets",
  "/healthz": "health check, plain data for the load balancer",
  "/propositions/:slug/direct": "SSE stream",
  "/resultats.json": "JSON export",
  "/resultats.csv": "CSV export",
  "/resultats-point-virgule.csv": "CSV export",
  "/journal.json": "JSON export",
  "/.well-known/concertation-checkpoint-key.json": "JSON public key",
  "/donnees/:file{[a-z-]+\\.[a-z]+}": "open data files (CSV, JSON)",
  "/dossier/marges.css": "stylesheet of the printed dossier's page margins",
};

const VISITS = Object.entries(PAGES).flatMap(([template, visits]) => visits.map((visit) => ({ template, ...visit })));

/** The page's reflow problems at its current width, found in the page itself. */
function reflowProblems(): string[] {
  // What a disclosure holds must reflow too, once opened.
  for (const details of Array.from(document.querySelectorAll("details"))) details.open = true;
  // The viewport without its scrollbar (innerWidth counts it): what is wider scrolls sideways.
  const viewport = document.documentElement.clientWidth;
  const problems: string[] = [];
  for (const element of [document.documentElement, document.body, document.querySelector("main")]) {
    if (!element) continue;
    const overflow = getComputedStyle(element).overflowX;
    if (overflow === "hidden" || overflow === "clip")
      problems.push(`${element.localName} has overflow-x: ${overflow} (it hides the overflow, it does not fix it)`);
  }
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > viewport)
    problems.push(`the page scrolls sideways: scrollWidth ${scrollWidth} px for a ${viewport} px viewport`);

  const named = (element: Element) =>
    (element.getAttribute("aria-label") ?? "").trim() !== "" ||
    (element.getAttribute("aria-labelledby") ?? "")
      .split(/\s+/)
      .some((id) => id !== "" && (document.getElementById(id)?.textContent ?? "").trim() !== "");
  const scrollRegion = (element: Element) =>
    element.getAttribute("role") === "region" &&
    named(element) &&
    ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
  const insideScrollRegion = (element: Element) => {
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
      if (scrollRegion(ancestor)) return true;
    }
    return false;
  };
  const selectorOf = (element: Element) => {
    const own = (e: Element) =>
      `${e.localName}${e.id ? `#${e.id}` : ""}${Array.from(e.classList, (name) => `.${name}`).join("")}`;
    const chain = [own(element)];
    for (let e = element.parentElement; e && e !== document.body && chain.length < 3; e = e.parentElement)
      chain.unshift(own(e));
    return chain.join(" > ");
  };
  // The outermost elements too wide: what they hold is wider still, and says nothing new.
  const offenders = new Set<Element>();
  let nested = 0;
  for (const element of Array.from(document.body.querySelectorAll("*"))) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue; // not drawn
    if (box.right <= viewport + 0.5 && box.left >= -0.5) continue;
    if (insideScrollRegion(element)) continue;
    let ancestor = element.parentElement;
    while (ancestor && !offenders.has(ancestor)) ancestor = ancestor.parentElement;
    offenders.add(element);
    if (ancestor) nested += 1;
    else
      problems.push(
        `${selectorOf(element)}: ${Math.round(box.width)} px wide, from ${Math.round(box.left)} to ${Math.round(box.right)} px`,
      );
  }
  if (nested > 0) problems.push(`(and ${nested} elements inside those)`);
  // A long word overflows its box without widening it: text is measured on its own. Text that an
  // ancestor clips or scrolls is seen through that ancestor's box, checked above.
  const clipped = (element: Element) => {
    for (let e: Element | null = element; e && e !== document.body; e = e.parentElement) {
      if (offenders.has(e) || getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const words = (node.textContent ?? "").trim();
    if (!parent || words === "") continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if ((box.width <= 1 && box.height <= 1) || (box.right <= viewport + 0.5 && box.left >= -0.5)) continue;
    if (clipped(parent) || insideScrollRegion(parent)) continue;
    problems.push(
      `text « ${words.slice(0, 40)}${words.length > 40 ? "…" : ""} » in ${selectorOf(parent)}: from ${Math.round(box.left)} to ${Math.round(box.right)} px`,
    );
  }
  return problems;
}

/**
 * Rendering crawls run once per CI run, on the embedded database only: CI runs the whole suite a
 * second time with DATABASE_URL (another Postgres), which draws the very same pages.
 */
describe.runIf(!process.env.DATABASE_URL && chromiumAvailable())("every page, at 320 and 1366 px", () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let fixtures: Fixtures;
  const sessions = new Map<Persona, string | undefined>();
  const pages = new Map<Persona, Promise<Page>>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    server = await listen(db);
    const { config } = createTestApp(db, { PUBLIC_ORIGIN: server.origin });
    browser = await launchChromium();
    await seedDemoAccounts(db, { nodeEnv: "development" });
    await seedDemoDebate(db, { publicOrigin: server.origin, signer: testSigner });
    const [first, second] = await listRepresentatives(db);
    if (!first || !second) throw new Error("the demo has no representatives");
    const comment = (authorId: string) =>
      db
        .selectFrom("comment")
        .select("id")
        .where("author_id", "=", authorId)
        .orderBy("id")
        .executeTakeFirstOrThrow()
        .then((row) => row.id);
    const othersComment = await comment(second.id);
    await reportComment(db, first, { commentId: othersComment, rule: "hors-sujet", note: "Hors du sujet du débat." });
    const admin = await staff("administrator");
    const invitation = await invite(
      db,
      admin.id,
      { email: "nouvelle.personne@exemple.fr", role: "moderator", organisationId: null, mandateNote: "" },
      server.origin,
    );
    fixtures = {
      ownComment: await comment(first.id),
      othersComment,
      receiptEmail: await db
        .selectFrom("email_outbox")
        .select("id")
        .where("kind", "=", "ballot_receipt")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow()
        .then((row) => row.id),
      resetToken: await linkToken(`${server.origin}/mot-de-passe/nouveau/`, () =>
        requestPasswordReset(db, { email: second.email, ip: "127.0.0.1" }, server.origin),
      ),
      invitationToken: invitation.link.slice(`${server.origin}/invitation/`.length),
      invitationEmail: await db
        .selectFrom("email_outbox")
        .select("id")
        .where("kind", "=", "invitation")
        .executeTakeFirstOrThrow()
        .then((row) => row.id),
      votingOrganisation: first.mandate?.organisationSlug ?? "",
      unsubscribeToken: await unsubscribeToken(db, first.id),
    };
    sessions.set("visitor", undefined);
    sessions.set("representative", await open(config, first.id, true));
    sessions.set("moderator", await open(config, (await staff("moderator")).id, true));
    sessions.set("administrator", await open(config, admin.id, true));
    sessions.set("staff awaiting their second factor", await open(config, admin.id, false));

    async function staff(role: "administrator" | "moderator") {
      return db.selectFrom("app_user").select("id").where("role", "=", role).orderBy("id").executeTakeFirstOrThrow();
    }
    async function open(config: Config, userId: string, twoFactorVerified: boolean) {
      const { token } = await createSession(db, userId, { twoFactorVerified, ip: "127.0.0.1", userAgent: "" }, config);
      return token;
    }
    /** The token of the link the action just queued by email. */
    async function linkToken(prefix: string, action: () => Promise<void>) {
      await action();
      const email = await db
        .selectFrom("email_outbox")
        .select("template")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      const link = String((email.template?.params as { link?: string } | undefined)?.link ?? "");
      if (!link.startsWith(prefix)) throw new Error(`no link ${prefix}… in the last email`);
      return link.slice(prefix.length);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  /** One browser context (its cookie) and one tab per persona, reused by all its visits. */
  function pageAs(persona: Persona, config: { origin: string; cookie: string }): Promise<Page> {
    let page = pages.get(persona);
    if (!page) {
      page = (async () => {
        const context: BrowserContext = await browser.newContext({ viewport: { width: 320, height: 720 } });
        const token = sessions.get(persona);
        if (token) await context.addCookies([{ name: config.cookie, value: token, url: config.origin }]);
        return context.newPage();
      })();
      pages.set(persona, page);
    }
    return page;
  }

  it("knows every GET template of the application: each is crawled or excluded with its reason", () => {
    const { app } = createTestApp(database.db);
    const templates = [...new Set(app.routes.filter((route) => route.method === "GET").map((route) => route.path))];
    const unknown = templates.filter((template) => !(template in PAGES) && !(template in EXCLUDED));
    expect(unknown, "GET templates neither crawled (PAGES) nor excluded (EXCLUDED)").toEqual([]);
    const gone = [...Object.keys(PAGES), ...Object.keys(EXCLUDED)].filter((template) => !templates.includes(template));
    expect(gone, "templates listed here that the application no longer has").toEqual([]);
  });

  it("the reflow check itself fails on a page that does not reflow (guards against a check that cannot fail)", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="fr"><body style="margin:0; overflow-x:hidden"><main>
      <div class="large" style="width:500px">trop large</div>
      <p>${"a".repeat(80)}</p>
      <div role="region" aria-label="Tableau" style="overflow-x:auto"><p style="width:900px">défile dans sa région</p></div>
      <div style="overflow-x:auto"><p id="sans-nom" style="width:900px">région sans nom</p></div>
    </main></body></html>`);
    const problems = await page.evaluate(reflowProblems);
    await context.close();
    expect(problems).toEqual([
      "body has overflow-x: hidden (it hides the overflow, it does not fix it)",
      expect.stringMatching(/^the page scrolls sideways: scrollWidth \d+ px for a 320 px viewport$/),
      expect.stringMatching(/^main > div\.large: 500 px wide, from 0 to 500 px$/),
      expect.stringMatching(/^main > div > p#sans-nom: 900 px wide/),
      expect.stringMatching(/^text « a{40}… » in main > p: from 0 to \d+ px$/),
    ]);
  });

  it.each(VISITS)("$template as $as", async ({ path, as }) => {
    const cookie = sessionCookieName({ publicOrigin: server.origin });
    const page = await pageAs(as, { origin: server.origin, cookie });
    const url = typeof path === "string" ? path : path(fixtures);
    await page.setViewportSize({ width: 320, height: 720 });
    const response = await page.goto(`${server.origin}${url}`);
    const problems: string[] = [];
    if (response?.status() !== 200) problems.push(`status ${response?.status()}`);
    problems.push(...(await page.evaluate(reflowProblems)));
    problems.push(...(await axeViolations(page)).map((line) => `axe at 320 px: ${line}`));
    await page.setViewportSize({ width: 1366, height: 900 });
    problems.push(...(await axeViolations(page)).map((line) => `axe at 1366 px: ${line}`));
    expect(problems.join("\n"), `${url} as ${as}`).toBe("");
  });
});
