/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.js";
import { chromiumAvailable, expectNoAxeViolations, watchPage } from "../helpers/browser.js";
import { useBrowserJourney } from "../helpers/journey.js";

const SLUG = "stages";

/**
 * Keyboard only: every htmx action of the debate puts the focus where the person's task goes on,
 * and says what it did in the page's one polite live region. The focused element is checked by
 * its accessible name, as Chromium's accessibility tree computes it.
 */
describe.runIf(chromiumAvailable())("focus after every action, with the keyboard only", () => {
  const journey = useBrowserJourney();
  const url = (path: string) => `${journey.server.origin}${path}`;

  beforeAll(async () => {
    // 21 arguments by another organisation: one more than a page, so « voir plus » appears.
    const db = journey.database.db;
    const other = await createUser(db, { name: "Odile Benoît", organisation: "alliance-usagers-soins-proximite" });
    const { id: proposalId } = await db
      .selectFrom("proposal")
      .select("id")
      .where("slug", "=", SLUG)
      .executeTakeFirstOrThrow();
    const mandate = await db
      .selectFrom("mandate")
      .select(["id", "organisation_id"])
      .where("user_id", "=", other.id)
      .executeTakeFirstOrThrow();
    for (let n = 1; n <= 21; n += 1) {
      await db
        .insertInto("comment")
        .values({
          proposal_id: proposalId,
          parent_id: null,
          root_id: null,
          reply_to_id: null,
          depth: 1,
          author_id: other.id,
          organisation_id: mandate.organisation_id,
          mandate_id: mandate.id,
          stance: "question",
          body: `Question numéro ${n} sur les stages.`,
          idempotency_key: `focusjourney${String(n).padStart(4, "0")}`,
        })
        .execute();
    }
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(url(`/connexion?suite=/propositions/${SLUG}`));
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByLabel("Mot de passe").press("Enter");
    await page.waitForURL(url(`/propositions/${SLUG}`));
  }

  /** The focused element is the one with this role and accessible name. */
  async function expectFocusOn(page: Page, role: Parameters<Page["getByRole"]>[0], name: string | RegExp) {
    await expect
      .poll(() =>
        page
          .getByRole(role, { name })
          .evaluateAll((elements) => elements.some((element) => element === document.activeElement)),
      )
      .toBe(true);
  }

  /**
   * Everything the live region has said since the page loaded: a live update (the stream also
   * reports one's own support) may follow an action's own announcement within the same second.
   */
  const announced = (page: Page) =>
    page.evaluate(() => (window as unknown as { announcements?: string[] }).announcements ?? []);
  const recordAnnouncements = () => {
    const said: string[] = [];
    (window as unknown as { announcements: string[] }).announcements = said;
    document.addEventListener("DOMContentLoaded", () => {
      const region = document.getElementById("annonce");
      if (!region) return;
      const observer = new MutationObserver(() => {
        const text = region.textContent ?? "";
        if (text) said.push(text);
      });
      observer.observe(region, { childList: true, characterData: true, subtree: true });
    });
  };

  it("preview, publish, reply, publish the reply, support, « voir plus » and filter", async () => {
    const writer = await createUser(journey.database.db, { organisation: "apvf", name: "Claire Martin" });
    const page = await journey.browser.newPage();
    await page.addInitScript(recordAnnouncements);
    const problems = watchPage(page, journey.server.origin);
    await signIn(page, writer.email, writer.password);

    // Preview, before any stance is chosen (the preview button skips the browser's validation).
    await page.getByLabel("Votre argument").focus();
    await page.keyboard.type("Des stages **rémunérés** partout.");
    await page.getByRole("button", { name: "Prévisualiser" }).focus();
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "region", "Aperçu");
    await expect.poll(() => announced(page)).toContain("Aperçu affiché sous le formulaire ; rien n'est encore publié.");

    // Publish: the focus goes to the published argument.
    await page.getByRole("radio", { name: "Pour" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Publier au nom de mon organisation" }).focus();
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "article", /^Claire Martin — Association des petites villes/);
    await expect.poll(() => announced(page)).toContain("Votre commentaire est publié ; il est en tête du débat.");

    // Reply to it: the reply form opens with the focus in its text box.
    await page.getByRole("link", { name: "Répondre à Claire Martin" }).focus();
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "textbox", "Votre réponse");
    await expect.poll(() => announced(page)).toContain("Formulaire de réponse à Claire Martin ouvert.");
    await page.keyboard.type("Précision : y compris en zone rurale.");
    await page.getByRole("button", { name: "Publier la réponse" }).focus();
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "article", /^Claire Martin — .* \(.*\)$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("en zone rurale");
    await expect.poll(() => announced(page)).toContain("Votre réponse à Claire Martin est publiée.");

    // Support another organisation's argument: the focus stays on the button, now pressed.
    const other = page.locator("#commentaires > li").filter({ hasText: "Question numéro 21 " });
    await other.getByRole("button", { name: "Notre organisation soutient cet argument" }).focus();
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "button", "Retirer le soutien de notre organisation");
    await expect.poll(() => announced(page)).toContain("Soutien de votre organisation enregistré : 1 soutien.");

    // « Voir plus »: the focus goes to the first of the arguments it brought.
    await page.getByRole("link", { name: /Voir plus/ }).focus();
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "article", /^Odile Benoît — /);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Question numéro 1 ");
    await expect.poll(() => announced(page)).toContain("1 commentaire de plus affiché.");
    await expectNoAxeViolations(page);

    // The filter is a plain form: after the reload, the focus is on the debate it filtered.
    await page.getByLabel("Afficher").focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("button", { name: "Appliquer" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?position=pour&.*#debat$/);
    await expectFocusOn(page, "region", "Débat");
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
