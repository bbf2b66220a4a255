/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createUser, unspentTotp } from "../factories.js";
import { chromiumAvailable, expectNoAxeViolations, openMenu, watchPage } from "../helpers/browser.js";
import { useBrowserJourney } from "../helpers/journey.js";

/** Top and vertical centre of every item of the header's line: the brand, each link, the search form, the last control. */
function headerLine(page: Page) {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll(
        ".site-header .brand, .site-nav > ul > li, .site-search, .account-menu > summary, .site-signin",
      ),
    ).map((element) => {
      const box = element.getBoundingClientRect();
      return { item: element.textContent?.trim().slice(0, 24), top: box.top, middle: box.top + box.height / 2 };
    }),
  );
}

describe.runIf(chromiumAvailable())("search and header in Chromium", () => {
  const journey = useBrowserJourney();

  it("a visitor types a query in the header's search box, presses Enter and reads the results grouped by kind", async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems = watchPage(page, journey.server.origin);
    await page.goto(`${journey.server.origin}/propositions/escap`);
    await page.getByRole("searchbox", { name: "Rechercher sur le site" }).fill("Médecin");
    await page.getByRole("searchbox", { name: "Rechercher sur le site" }).press("Enter");
    await page.waitForURL(/\/recherche\?q=M%C3%A9decin$/);
    expect(await page.getByRole("search", { name: "Rechercher sur Concertation" }).count()).toBe(1);
    expect(await page.getByRole("searchbox", { name: "Mots recherchés" }).inputValue()).toBe("Médecin");
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings[0]).toBe("Propositions (0)");
    expect(headings[1]).toMatch(/^Organisations \([1-9]\d*\)$/);
    expect(headings[2]).toBe("Commentaires (0)");
    const organisations = page.getByRole("region", { name: /^Organisations/ });
    await organisations.getByRole("link", { name: "Association Territoires en attente de médecin" }).click();
    await page.waitForURL(/\/organisations\/territoires-en-attente-de-medecin$/);
    await page.goBack();
    expect(await page.locator("mark").first().textContent()).toMatch(/^médecin/i);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("an administrator's header holds on one line at 1366 and 1024 px; their own menu holds the staff and account links", async () => {
    const admin = await createUser(journey.database.db, {
      role: "administrator",
      totp: true,
      email: "admin.entete@exemple.fr",
      name: "Dominique Administratrice-Longuenom",
    });
    const page = await journey.browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(`${journey.server.origin}/connexion`);
    await page.getByLabel("Adresse électronique").fill(admin.email);
    await page.getByLabel("Mot de passe").fill(admin.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/connexion\/verification/);
    await page.getByLabel("Code").fill(unspentTotp(admin.totpKey as Uint8Array));
    await page.getByRole("button", { name: "Valider" }).click();
    await page.waitForURL(`${journey.server.origin}/`);
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const line = await headerLine(page);
      expect(line.length, `${width} px`).toBe(7); // brand, 4 links, search, the person's menu
      const tops = line.map((entry) => entry.top);
      const middles = line.map((entry) => entry.middle);
      expect(Math.max(...tops) - Math.min(...tops), JSON.stringify(line)).toBeLessThanOrEqual(10);
      expect(Math.max(...middles) - Math.min(...middles), JSON.stringify(line)).toBeLessThanOrEqual(4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      // On one line there is no « Menu » button: the links are simply there.
      expect(await page.locator(".site-menu > summary").isVisible()).toBe(false);
      expect(await page.getByRole("link", { name: "Organisations", exact: true }).isVisible()).toBe(true);
    }
    await page.setViewportSize({ width: 1366, height: 800 });
    expect(await page.getByRole("link", { name: "Administration", exact: true }).count()).toBe(0);
    await openMenu(page, "Menu de Dominique Administratrice-Longuenom");
    for (const name of ["Modération", "Administration"]) {
      expect(await page.getByRole("link", { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.getByRole("link", { name: /^Mon compte/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Administration", exact: true }).click();
    await page.waitForURL(`${journey.server.origin}/admin`);
    // The page is in the person's menu: it says so, closed, and the link inside is the current page.
    expect(await page.locator(".account-menu > summary.is-current").count()).toBe(1);
    expect(await page.locator('a[href="/admin"][aria-current="page"]').count()).toBe(1);
    await page.close();
  });

  it("at 360 px without JavaScript, the « Menu » opens from the keyboard, searches, and the person's menu signs out", async () => {
    const representative = await createUser(journey.database.db, {
      organisation: "apvf",
      email: "sans.js.menu@exemple.fr",
      name: "Léa Menu",
    });
    const context = await journey.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(`${journey.server.origin}/connexion`);
    await page.getByLabel("Adresse électronique").fill(representative.email);
    await page.getByLabel("Mot de passe").fill(representative.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${journey.server.origin}/`);

    const organisations = page.getByRole("link", { name: "Organisations", exact: true });
    expect(await organisations.isVisible()).toBe(false);
    expect(await page.getByRole("searchbox", { name: "Rechercher sur le site" }).isVisible()).toBe(false);
    const menu = page.locator(".site-menu > summary");
    expect(await menu.textContent()).toBe("Menu");
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => organisations.isVisible()).toBe(true);
    const box = page.getByRole("searchbox", { name: "Rechercher sur le site" });
    await box.fill("apvf");
    await box.press("Enter");
    await page.waitForURL(/\/recherche\?q=apvf$/);
    expect(await page.getByRole("heading", { level: 2, name: "Organisations (1)" }).isVisible()).toBe(true);

    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      await openMenu(page, /^Menu$/);
      await openMenu(page, "Menu de Léa Menu");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
      await page.reload();
    }
    await openMenu(page, /^Menu$/);
    await openMenu(page, "Menu de Léa Menu");
    expect(await page.getByRole("link", { name: "Tableau de bord" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/\?message=deconnecte$/);
    await context.close();
  });
});
