/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.js";
import { chromiumAvailable, expectNoAxeViolations, launchChromium, watchPage } from "../helpers/browser.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { listenLive } from "../helpers/http-server.js";

describe.runIf(chromiumAvailable())("the debate in Chromium", () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof listenLive>>;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await listenLive(database);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${server.origin}/connexion`);
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${server.origin}/`);
  }

  it("a representative posts a comment and a reply; another browser sees both appear without reloading", async () => {
    const writer = await createUser(database.db, {
      organisation: "apvf",
      name: "Claire Martin",
      email: "claire.debat@exemple.fr",
    });
    const writerContext = await browser.newContext();
    const readerContext = await browser.newContext();
    const writerPage = await writerContext.newPage();
    const readerPage = await readerContext.newPage();
    const problems = [...watchPage(writerPage, server.origin), ...watchPage(readerPage, server.origin)];

    await readerPage.goto(`${server.origin}/propositions/stages`);
    await readerPage.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await expectNoAxeViolations(readerPage);
    await readerPage.locator("#filtre-position").focus();

    await signIn(writerPage, writer.email, writer.password);
    await writerPage.goto(`${server.origin}/propositions/stages`);
    await expectNoAxeViolations(writerPage);
    await writerPage.getByRole("radio", { name: "Contre" }).check();
    await writerPage.getByLabel("Votre argument").fill("Les stages doivent être **rémunérés** dès la première année.");
    await writerPage.getByRole("button", { name: "Publier au nom de mon organisation" }).click();

    const readerComment = readerPage.locator("#commentaires > li").filter({ hasText: "dès la première année" });
    await expect.poll(() => readerComment.count(), { timeout: 10_000 }).toBe(1);
    expect(await readerComment.locator("strong").first().textContent()).toBe("Claire Martin");
    await expect
      .poll(() => readerPage.locator("#annonce").textContent())
      .toContain("Nouveau commentaire de Claire Martin");
    // Live updates never move the focus.
    expect(await readerPage.evaluate(() => document.activeElement?.id)).toBe("filtre-position");

    const writerComment = writerPage.locator("#commentaires > li").filter({ hasText: "dès la première année" });
    await expect.poll(() => writerComment.count()).toBe(1);
    expect(await writerPage.getByLabel("Votre argument").inputValue()).toBe("");
    await writerComment.getByRole("link", { name: /Répondre/ }).click();
    await writerPage.getByLabel("Votre réponse").fill("Précision : y compris pour les stages en zone rurale.");
    await writerPage.getByRole("button", { name: "Publier la réponse" }).click();

    const readerReply = readerComment.locator(".replies > li").filter({ hasText: "zone rurale" });
    await expect.poll(() => readerReply.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => writerComment.locator(".replies > li").filter({ hasText: "zone rurale" }).count()).toBe(1);
    expect(await readerPage.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await readerPage.locator("#debat-compteurs").textContent()).toContain("Contre 1");
    expect(await readerPage.locator("#debat-vide").count()).toBe(0);

    await expectNoAxeViolations(readerPage);
    await expectNoAxeViolations(writerPage);
    expect(problems).toEqual([]);
    await writerContext.close();
    await readerContext.close();
  });

  it("thread, history, reply, search and notification pages have zero axe violations", async () => {
    const writer = await createUser(database.db, { organisation: "apvf", email: "axe.debat@exemple.fr" });
    const page = await browser.newPage();
    const problems = watchPage(page, server.origin);
    await signIn(page, writer.email, writer.password);
    await page.goto(`${server.origin}/propositions/guichet-unique`);
    await page.getByRole("radio", { name: "Nuancé" }).check();
    await page.getByLabel("Votre argument").fill("Un guichet unique, oui, mais *départemental*.");
    await expect
      .poll(() => page.locator("#nouveau-texte-compteur").textContent())
      .toMatch(/^4\s?95\d caractères restants$/u);
    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await expect.poll(() => page.locator(".comment-preview em").textContent()).toBe("départemental");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Publier au nom de mon organisation" }).click();
    const item = page.locator("#commentaires > li").first();
    await expect.poll(() => item.textContent()).toContain("départemental");
    const id = ((await item.getAttribute("id")) ?? "").replace("c-", "");
    await page.goto(`${server.origin}/commentaires/${id}/modifier`);
    await expectNoAxeViolations(page);
    await page.getByLabel("Votre argument").fill("Un guichet unique, oui, mais *régional*.");
    await page.getByRole("button", { name: "Enregistrer la modification" }).click();
    await page.waitForURL(new RegExp(`/commentaires/\\d+#c-${id}$`));
    for (const path of [
      `/commentaires/${id}`,
      `/commentaires/${id}/historique`,
      `/commentaires/${id}/repondre`,
      `/commentaires/${id}/supprimer`,
      "/recherche?q=regional",
      "/propositions/guichet-unique/debat?position=nuance&tri=soutien",
      "/compte/notifications",
    ]) {
      await page.goto(`${server.origin}${path}`);
      await expectNoAxeViolations(page);
    }
    expect(
      await page.goto(`${server.origin}/recherche?q=regional`).then(() => page.locator("mark").first().textContent()),
    ).toBe("régional");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("works without JavaScript: a plain form post and a redirect", async () => {
    const writer = await createUser(database.db, { organisation: "apvf", email: "sans.js@exemple.fr" });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, writer.email, writer.password);
    await page.goto(`${server.origin}/propositions/escap`);
    await page.getByRole("radio", { name: "Question" }).check();
    await page.getByLabel("Votre argument").fill("Sans JavaScript, est-ce publié ?");
    await page.getByRole("button", { name: "Publier au nom de mon organisation" }).click();
    await page.waitForURL(/\/propositions\/escap#c-\d+$/);
    expect(await page.locator("#commentaires").textContent()).toContain("Sans JavaScript, est-ce publié ?");
    await context.close();
  });
});
