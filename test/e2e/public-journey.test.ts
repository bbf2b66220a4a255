import { describe, expect, it } from "vitest";
import { axeViolations, chromiumAvailable, expectNoAxeViolations, watchPage } from "../helpers/browser.js";
import { useBrowserJourney } from "../helpers/journey.js";

describe.runIf(chromiumAvailable())("public journey in Chromium", () => {
  const journey = useBrowserJourney();

  it("opens the home page, follows a proposal, with zero axe violations", async () => {
    const page = await journey.browser.newPage();
    const problems = watchPage(page, journey.server.origin);
    await page.goto(`${journey.server.origin}/`);
    expect(await page.locator("h1").textContent()).toBe("Accès aux soins : quatre propositions communes");
    expect(await page.locator(".card-list .card").count()).toBe(4);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: /ESCAP/ }).click();
    await page.waitForURL(`${journey.server.origin}/propositions/escap`);
    expect(await page.locator("h1").textContent()).toBe("ESCAP");
    await expect.poll(() => page.locator(".official-text").textContent()).toContain("coordonnées autour du patient");
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  it("is usable with the keyboard: the skip link comes first and focus is visible", async () => {
    const page = await journey.browser.newPage();
    await page.goto(`${journey.server.origin}/organisations`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { text: element.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused.text).toBe("Aller au contenu");
    expect(focused.outline).not.toBe("none");
    expect(Number.parseFloat(focused.width)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contenu");
    await expectNoAxeViolations(page);
  });

  const INFORMATION_PAGES = [
    "/accessibilite",
    "/mentions-legales",
    "/donnees-personnelles",
    "/plan-du-site",
    "/contact",
    "/aide",
  ];

  it.each(["/organisations", "/organisations/apvf", "/a-propos", "/propositions/inexistante", ...INFORMATION_PAGES])(
    "%s has zero axe violations",
    async (path) => {
      const page = await journey.browser.newPage();
      const problems = watchPage(page, journey.server.origin);
      await page.goto(`${journey.server.origin}${path}`);
      await expectNoAxeViolations(page);
      expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    },
  );

  // The accessibility statement says these pages are checked at 320 px: axe and no sideways scrolling.
  it.each(INFORMATION_PAGES)("%s reflows at 320 px with zero axe violations", async (path) => {
    const page = await journey.browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${journey.server.origin}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });

  it("the axe check itself fails on a faulty page (guards against a check that cannot fail)", async () => {
    const page = await journey.browser.newPage();
    await page.setContent('<html><body><img src="/x.png"><a href="/"></a></body></html>');
    const violations = await axeViolations(page);
    expect(violations.some((line) => line.startsWith("image-alt"))).toBe(true);
  });

  it("stays readable on a phone-sized screen without horizontal scrolling", async () => {
    const page = await journey.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${journey.server.origin}/propositions/stages`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/proposal-mobile.png", fullPage: true });
  });
});
