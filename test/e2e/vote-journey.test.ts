import { beforeAll, describe, expect, it } from "vitest";
import { createUser, unspentTotp } from "../factories.js";
import { chromiumAvailable, expectNoAxeViolations, watchPage } from "../helpers/browser.js";
import { asWritten } from "../helpers/emails.js";
import { useBrowserJourney } from "../helpers/journey.js";
import { closeVoteNow, firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

describe.runIf(chromiumAvailable())("voting in Chromium", () => {
  const journey = useBrowserJourney();
  let slug: string;

  beforeAll(async () => {
    [slug = ""] = await firstProposalSlugs(journey.database.db);
    await openVoteNow(journey.database.db, slug);
  });

  it("a representative votes, changes the vote and gets a receipt on screen, by email and on the dashboard", async () => {
    const representative = await createUser(journey.database.db, { organisation: "apvf", name: "Claire Martin" });
    const page = await journey.browser.newPage();
    const problems = watchPage(page, journey.server.origin);
    await page.goto(`${journey.server.origin}/connexion?suite=/propositions/${slug}`);
    await page.getByLabel("Adresse électronique").fill(representative.email);
    await page.getByLabel("Mot de passe").fill(representative.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${journey.server.origin}/propositions/${slug}`);
    expect(await page.locator("#participation").textContent()).toBe("0 organisations sur 35 ont voté");

    const panel = page.locator("#vote");
    const apvf = "Association des petites villes de France (APVF)";
    // The choice is reviewed on the button itself: it says what it does and in whose name.
    await panel.getByRole("button", { name: `Voter Pour au nom de ${apvf}` }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#vote$/);
    // The confirmation takes the focus after the reload, so it is what a screen reader reads first.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("vote-confirmation");
    expect(await page.locator("#vote-confirmation").textContent()).toMatch(
      new RegExp(`^Bulletin enregistré : Pour, au nom de ${apvf.replace(/[()]/g, "\\$&")}, par Claire Martin, .+\\.$`),
    );
    const firstReceipt = (await page.locator(".receipt").textContent()) ?? "";
    expect(firstReceipt).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator(".vote-panel").textContent()).toContain("Déposé par Claire Martin");
    await expectNoAxeViolations(page);
    // With JavaScript, the receipt has a copy button; it copies and says so in the live region.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: journey.server.origin });
    await panel.getByRole("button", { name: "Copier le reçu" }).click();
    await expect.poll(() => page.locator("#annonce").textContent()).toBe("Reçu copié dans le presse-papiers.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstReceipt);

    await panel.getByLabel(/Motivation/).fill("Les moyens prévus ne suffisent pas.");
    await panel.getByRole("button", { name: `Changer pour Contre au nom de ${apvf}` }).click();
    await page.waitForURL(/#vote$/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toMatch(/^Bulletin modifié : Contre, au nom de /);
    await expect.poll(() => page.locator(".vote-panel strong").textContent()).toBe("Choix actuel : Contre.");
    const secondReceipt = (await page.locator(".receipt").textContent()) ?? "";
    expect(secondReceipt).toMatch(/^[0-9a-f]{64}$/);
    expect(secondReceipt).not.toBe(firstReceipt);
    const rows = await journey.database.db
      .selectFrom("email_outbox")
      .select(["body_text", "subject", "template"])
      .where("recipient", "=", representative.email)
      .where("kind", "=", "ballot_receipt")
      .execute();
    const emails = rows.map(asWritten);
    expect(emails.map((e) => e.body_text).join()).toContain(secondReceipt);

    await page.goto(`${journey.server.origin}/tableau-de-bord`);
    expect(await page.locator("main").textContent()).toContain(secondReceipt);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  }, 60_000);

  it("without JavaScript, the ballot is reviewed on its button and confirmed on the page; no copy button", async () => {
    const colleague = await createUser(journey.database.db, { organisation: "apvf", name: "Paul Durand" });
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${journey.server.origin}/connexion?suite=/propositions/${slug}`);
    await page.getByLabel("Adresse électronique").fill(colleague.email);
    await page.getByLabel("Mot de passe").fill(colleague.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${journey.server.origin}/propositions/${slug}`);
    const panel = page.locator("#vote");
    expect(await panel.getByLabel(/Motivation/).inputValue()).toBe("Les moyens prévus ne suffisent pas.");
    await panel.getByRole("button", { name: /^Changer pour l'abstention au nom de / }).click();
    await page.waitForURL(/message=bulletin-modifie#vote$/);
    expect(await page.locator("#vote-confirmation").textContent()).toMatch(
      /^Bulletin modifié : Abstention, au nom de .+, par Paul Durand, /,
    );
    expect(await panel.getByRole("button", { name: "Copier le reçu" }).count()).toBe(0);
    expect(await panel.getByRole("button", { name: /^Garder l'abstention au nom de / }).count()).toBe(1);
    await context.close();
  }, 60_000);

  it("after closing, the public page shows the roll-call and the chart, with zero axe violations", async () => {
    await closeVoteNow(journey.database.db, slug);
    const visitor = await journey.browser.newPage();
    const problems = watchPage(visitor, journey.server.origin);
    await visitor.goto(`${journey.server.origin}/propositions/${slug}`);
    const rollCall = visitor.getByRole("table", { name: "Vote de chaque organisation" });
    expect(await rollCall.getByRole("row", { name: /Association des petites villes/ }).textContent()).toContain(
      "Les moyens prévus ne suffisent pas.",
    );
    expect(await visitor.getByRole("img", { name: /Répartition des bulletins/ }).count()).toBe(1);
    await expectNoAxeViolations(visitor);
    for (const path of ["/resultats", "/journal", "/verifier", "/organisations/apvf"]) {
      await visitor.goto(`${journey.server.origin}${path}`);
      await expectNoAxeViolations(visitor);
      if (path === "/verifier") expect(await visitor.locator(".flash").textContent()).toContain("Vérification réussie");
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it("a page left open shows a new ballot's turnout without reloading, and says so politely", async () => {
    // The fourth proposal: the tests around use the first (voting) and the second (scheduling).
    const [, , , other = ""] = await firstProposalSlugs(journey.database.db);
    await openVoteNow(journey.database.db, other);
    const watcher = await journey.browser.newPage();
    const problems = watchPage(watcher, journey.server.origin);
    await watcher.goto(`${journey.server.origin}/propositions/${other}`);
    expect(await watcher.locator("#participation").textContent()).toBe("0 organisations sur 35 ont voté");
    const loadedAt = await watcher.evaluate(() => performance.timeOrigin);

    const representative = await createUser(journey.database.db, { organisation: "apvf" });
    const voter = await journey.browser.newPage();
    await voter.goto(`${journey.server.origin}/connexion?suite=/propositions/${other}`);
    await voter.getByLabel("Adresse électronique").fill(representative.email);
    await voter.getByLabel("Mot de passe").fill(representative.password);
    await voter.getByRole("button", { name: "Se connecter" }).click();
    await voter.waitForURL(`${journey.server.origin}/propositions/${other}`);
    await voter
      .locator("#vote")
      .getByRole("button", { name: /^Voter Pour au nom de / })
      .click();
    await voter.waitForURL(/#vote$/);

    await expect
      .poll(() => watcher.locator("#participation").textContent(), { timeout: 10_000 })
      .toBe("1 organisations sur 35 ont voté");
    expect(await watcher.getByRole("status").filter({ hasText: "Nouveau bulletin" }).count()).toBe(1);
    expect(await watcher.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    await expectNoAxeViolations(watcher);
    expect(problems).toEqual([]);
  }, 60_000);

  it("an administrator schedules a vote from the administration page, with zero axe violations", async () => {
    const admin = await createUser(journey.database.db, { role: "administrator", totp: true });
    const page = await journey.browser.newPage();
    await page.goto(`${journey.server.origin}/connexion?suite=/admin/votes`);
    await page.getByLabel("Adresse électronique").fill(admin.email);
    await page.getByLabel("Mot de passe").fill(admin.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/connexion\/verification/);
    await page.getByLabel("Code").fill(unspentTotp(admin.totpKey as Uint8Array));
    await page.getByRole("button", { name: "Valider" }).click();
    await page.waitForURL(`${journey.server.origin}/admin/votes`);
    await expectNoAxeViolations(page);
    const section = page.locator("section", { has: page.getByRole("heading", { name: /^2\./ }) });
    await section.getByLabel("Clôture programmée (heure de Paris)").fill("2031-03-01T18:00");
    await section.getByRole("button", { name: "Enregistrer le calendrier" }).click();
    await page.waitForURL(/message=calendrier/);
    expect(await page.locator(".flash").textContent()).toBe("Calendrier enregistré.");
    expect(await section.getByLabel("Clôture programmée (heure de Paris)").inputValue()).toBe("2031-03-01T18:00");
  }, 60_000);
});
