/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { invite } from "../../src/features/people/invitations.service.js";
import { createUser, currentTotp, unspentTotp } from "../factories.js";
import { chromiumAvailable, expectNoAxeViolations, openMenu, watchPage } from "../helpers/browser.js";
import { useBrowserJourney } from "../helpers/journey.js";

describe.runIf(chromiumAvailable())("accounts in Chromium", () => {
  const journey = useBrowserJourney();

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${journey.server.origin}/connexion`);
    await expectNoAxeViolations(page);
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
  }

  it("invitation → choose a password → signed in → sign out → sign in → sign out", async () => {
    const apvf = await journey.database.db
      .selectFrom("organisation")
      .select("id")
      .where("slug", "=", "apvf")
      .executeTakeFirstOrThrow();
    const { link } = await invite(
      journey.database.db,
      null,
      { email: "claire@exemple.fr", role: "representative", organisationId: apvf.id, mandateNote: "" },
      journey.server.origin,
    );
    const page = await journey.browser.newPage();
    const problems = watchPage(page, journey.server.origin);

    await page.goto(link);
    await expectNoAxeViolations(page);
    await page.getByLabel("Nom affiché").fill("Claire Martin");
    await page.getByLabel("Nouveau mot de passe").fill("court");
    await page.getByLabel("Confirmez le mot de passe").fill("court");
    await page.getByRole("button", { name: "Activer mon compte" }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toContain("au moins 12 caractères");
    expect(await page.getByLabel("Nom affiché").inputValue()).toBe("Claire Martin");
    await expectNoAxeViolations(page);

    await page.getByLabel("Nouveau mot de passe").fill("la santé pour toutes et tous");
    await page.getByLabel("Confirmez le mot de passe").fill("la santé pour toutes et tous");
    await page.getByRole("button", { name: "Activer mon compte" }).click();
    await page.waitForURL(/\/compte\?message=bienvenue$/);
    expect(await page.locator("main").textContent()).toContain(
      "Vous représentez Association des petites villes de France (APVF).",
    );
    await expectNoAxeViolations(page);

    // Signing out is in the person's own menu, named after them.
    expect(await page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(0);
    await openMenu(page, "Menu de Claire Martin");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/\?message=deconnecte$/);
    expect(await page.locator(".flash").textContent()).toBe("Vous êtes déconnecté·e.");
    expect(await page.getByRole("link", { name: "Connexion" }).count()).toBe(1);

    await signIn(page, "claire@exemple.fr", "la santé pour toutes et tous");
    await page.waitForURL(`${journey.server.origin}/`);
    await openMenu(page, "Menu de Claire Martin");
    expect(await page.getByRole("link", { name: /Mon compte/ }).count()).toBe(1);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/message=deconnecte/);
    expect(problems.filter((p) => !p.includes("status of 422"))).toEqual([]);
  });

  it("an administrator passes the second factor and every administration page has zero axe violations", async () => {
    const admin = await createUser(journey.database.db, {
      role: "administrator",
      totp: true,
      email: "admin.e2e@exemple.fr",
    });
    const page = await journey.browser.newPage();
    await signIn(page, admin.email, admin.password);
    await page.waitForURL(/\/connexion\/verification/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Code").fill(unspentTotp(admin.totpKey as Uint8Array));
    await page.getByRole("button", { name: "Valider" }).click();
    await page.waitForURL(`${journey.server.origin}/`);
    for (const path of [
      "/admin",
      "/admin/personnes",
      "/admin/invitations/nouvelle",
      "/admin/organisations",
      "/admin/organisations/nouvelle",
      "/admin/organisations/import",
      "/admin/journal",
      "/compte",
      "/compte/mot-de-passe",
      "/compte/double-authentification",
    ]) {
      await page.goto(`${journey.server.origin}${path}`);
      expect(page.url(), `redirected away from ${path}`).toBe(`${journey.server.origin}${path}`);
      await expectNoAxeViolations(page);
    }
  });

  it("a representative sets up two-factor authentication from the account page", async () => {
    const representative = await createUser(journey.database.db, { organisation: "apvf", email: "rep.2fa@exemple.fr" });
    const page = await journey.browser.newPage();
    await signIn(page, representative.email, representative.password);
    await page.waitForURL(`${journey.server.origin}/`);
    await page.goto(`${journey.server.origin}/compte/double-authentification`);
    await expectNoAxeViolations(page);
    const secret = (await page.locator("input[name=key]").inputValue()) ?? "";
    const { decodeTotpKey } = await import("../../src/auth/totp.js");
    await page.getByLabel("Code à 6 chiffres").fill(currentTotp(decodeTotpKey(secret) as Uint8Array));
    await page.getByRole("button", { name: "Activer" }).click();
    await expect.poll(() => page.locator(".recovery-codes li").count()).toBe(10);
    await expectNoAxeViolations(page);
  });
});
