/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser, type TestUser, unspentTotp } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { chromiumAvailable, expectNoAxeViolations, watchPage } from "../helpers/browser.js";
import { signedInClient } from "../helpers/context.js";
import { useBrowserJourney } from "../helpers/journey.js";
import { closeVoteNow, openVoteNow } from "../helpers/votes.js";

const BODY = "Le directeur de la clinique est un incapable notoire.";

describe.runIf(chromiumAvailable())("moderation in Chromium", () => {
  const journey = useBrowserJourney();
  let commentId = "";

  beforeAll(async () => {
    const author = await createUser(journey.database.db, { organisation: "apvf" });
    const { app, config } = createTestApp(journey.database.db);
    const client = await signedInClient(journey.database.db, author, app, config);
    const posted = await client.post("/propositions/stages/commentaires", {
      cle: `cle-journey-${Date.now()}`,
      position: "contre",
      body: BODY,
    });
    commentId = /#c-(\d+)$/.exec(posted.headers.get("Location") ?? "")?.[1] ?? "";
    await openVoteNow(journey.database.db, "exercice-mixte");
    await closeVoteNow(journey.database.db, "exercice-mixte");
  });

  async function visit(page: Page, path: string) {
    await page.goto(`${journey.server.origin}${path}`);
    await expectNoAxeViolations(page);
  }

  async function signIn(page: Page, user: TestUser) {
    await page.goto(`${journey.server.origin}/connexion`);
    await page.getByLabel("Adresse électronique").fill(user.email);
    await page.getByLabel("Mot de passe").fill(user.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    if (user.totpKey) {
      await page.waitForURL(/\/connexion\/verification/);
      await page.getByLabel("Code").fill(unspentTotp(user.totpKey));
      await page
        .getByRole("button")
        .filter({ hasText: /Vérifier|Valider|Continuer/ })
        .first()
        .click();
    }
    await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
  }

  it("a representative reports, a moderator hides, the public sees the tombstone and the journal", async () => {
    const representative = await createUser(journey.database.db, { organisation: "alliance-usagers-soins-proximite" });
    const repPage = await (await journey.browser.newContext()).newPage();
    const repProblems = watchPage(repPage, journey.server.origin);
    await signIn(repPage, representative);
    await visit(repPage, "/propositions/stages");
    await repPage.locator(`a[href="/commentaires/${commentId}/signaler"]`).click();
    await repPage.waitForURL(new RegExp(`/commentaires/${commentId}/signaler$`));
    await expectNoAxeViolations(repPage);
    await repPage.getByLabel("Règle concernée").selectOption("insultes");
    await repPage.getByLabel("Précisions (facultatif)").fill("Attaque personnelle.");
    await repPage.getByRole("button", { name: "Envoyer le signalement" }).click();
    await repPage.getByText("votre signalement a été transmis").first().waitFor();
    await expectNoAxeViolations(repPage);

    const moderator = await createUser(journey.database.db, { role: "moderator", totp: true, name: "Mina Modère" });
    const modPage = await (await journey.browser.newContext()).newPage();
    const modProblems = watchPage(modPage, journey.server.origin);
    await signIn(modPage, moderator);
    await visit(modPage, "/moderation");
    await modPage.getByText(BODY).first().waitFor();
    await modPage
      .getByRole("link", { name: /Examiner/ })
      .first()
      .click();
    // The link starts a navigation: axe must run on the page it leads to, not in between.
    await modPage.waitForURL(/\/moderation\/commentaires\/\d+$/);
    await expectNoAxeViolations(modPage);
    await modPage.getByLabel("Règle", { exact: false }).first().selectOption("insultes");
    // Each decision has its own form, named by its heading, and its own reason field: none can be
    // mistaken for another by name.
    const reasonLabels = await modPage.locator("form label[for^='champ-motif']").allTextContents();
    expect(reasonLabels.length).toBeGreaterThanOrEqual(3);
    expect(new Set(reasonLabels).size).toBe(reasonLabels.length);
    await modPage
      .getByRole("form", { name: "Masquer" })
      .getByLabel("Motif du masquage (public)")
      .fill("Attaque personnelle contre une personne nommément visée.");
    await modPage.getByRole("button", { name: "Masquer", exact: true }).click();
    await modPage.getByText("Décision enregistrée").first().waitFor();
    await expectNoAxeViolations(modPage);

    const publicPage = await (await journey.browser.newContext()).newPage();
    const publicProblems = watchPage(publicPage, journey.server.origin);
    await visit(publicPage, "/propositions/stages");
    await publicPage.getByText("Masqué par la modération — motif : insultes").first().waitFor();
    expect(await publicPage.content()).not.toContain("incapable notoire");
    await visit(publicPage, "/journal-de-moderation");
    await publicPage.getByText("Commentaire masqué").first().waitFor();
    await publicPage.getByText("Attaque personnelle contre une personne nommément visée.").first().waitFor();
    expect(await publicPage.content()).not.toContain("Mina Modère");
    for (const path of ["/charte", "/donnees", "/dossier", "/dossier/exercice-mixte"]) await visit(publicPage, path);
    expect([...repProblems, ...modProblems, ...publicProblems]).toEqual([]);
  });

  it("prints the dossier to an A4 PDF with one section per proposal", async () => {
    const page = await (await journey.browser.newContext()).newPage();
    await page.goto(`${journey.server.origin}/dossier`);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    const pages = raw.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    // A cover, then the proposals (test/e2e/dossier-print.test.ts reads the pages themselves).
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // A4 is 595 × 842 points.
    expect(raw).toMatch(
      /\/MediaBox\s*\[\s*0\s+0\s+595(?:\.\d+)?\s+841(?:\.\d+)?|\/MediaBox\s*\[\s*0\s+0\s+595(?:\.\d+)?\s+842/,
    );
  });
});
