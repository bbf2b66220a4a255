/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.js";
import { chromiumAvailable, expectNoAxeViolations, launchChromium, watchPage } from "../helpers/browser.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { listenLive } from "../helpers/http-server.js";
import { closeVoteNow, openVoteNow } from "../helpers/votes.js";

const SLUG = "guichet-unique";
const APVF = "Association des petites villes de France (APVF)";

/** The « écran de séance » projected in a plenary meeting, with the live broker of a real deployment. */
describe.runIf(chromiumAvailable())("the meeting screen in Chromium", () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof listenLive>>;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await listenLive(database);
    browser = await launchChromium();
    await openVoteNow(database.db, SLUG);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  const seat = (page: import("playwright-core").Page, name: string) =>
    page.locator(".seat").filter({ has: page.locator(".seat-name", { hasText: name }) });

  it("shows a ballot cast in another browser within 2 s, never its choice, then the results at the close", async () => {
    const screen = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const problems = watchPage(screen, server.origin);
    await screen.goto(`${server.origin}/propositions/${SLUG}/seance`);
    expect(await screen.locator(".seat").count()).toBe(35);
    expect(await seat(screen, APVF).textContent()).toContain("en attente");
    expect(await screen.locator(".screen-turnout strong").textContent()).toBe("0 / 35");
    await expectNoAxeViolations(screen);
    const loadedAt = await screen.evaluate(() => performance.timeOrigin);

    const representative = await createUser(database.db, { organisation: "apvf", name: "Claire Martin" });
    const voterContext = await browser.newContext();
    const voter = await voterContext.newPage();
    await voter.goto(`${server.origin}/connexion?suite=/propositions/${SLUG}`);
    await voter.getByLabel("Adresse électronique").fill(representative.email);
    await voter.getByLabel("Mot de passe").fill(representative.password);
    await voter.getByRole("button", { name: "Se connecter" }).click();
    await voter.waitForURL(`${server.origin}/propositions/${SLUG}`);
    await voter.getByRole("button", { name: `Voter Contre au nom de ${APVF}` }).click();
    await voter.waitForURL(/#vote$/);
    const castAt = Date.now();

    await expect.poll(() => seat(screen, APVF).textContent(), { timeout: 2_000, interval: 100 }).toContain("a voté");
    expect(Date.now() - castAt).toBeLessThan(2_000);
    expect(await screen.locator(".screen-turnout strong").textContent()).toBe("1 / 35");
    // While the vote is open, the screen says who has voted, never what.
    const board = (await screen.locator("main").textContent()) ?? "";
    expect(board).not.toMatch(/\bContre\b/);
    expect(await screen.evaluate(() => performance.timeOrigin)).toBe(loadedAt);

    await closeVoteNow(database.db, SLUG);
    await expect.poll(() => seat(screen, APVF).textContent(), { timeout: 5_000 }).toContain("Contre");
    expect(await screen.locator(".screen-result").textContent()).toMatch(/Adoptée|Rejetée|Quorum non atteint/);
    expect(await screen.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    await expectNoAxeViolations(screen);
    expect(problems).toEqual([]);
    await voterContext.close();
  }, 60_000);

  it("without JavaScript, reloads itself and still says who has voted", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/propositions/${SLUG}/seance`);
    expect(await page.locator('noscript meta[http-equiv="refresh"]').count()).toBe(1);
    expect(await page.locator(".seat").count()).toBe(35);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
