import { describe, expect } from "vitest";
import {
  EMAIL_BODY_RETENTION_DAYS,
  INVITATION_LIFETIME_MS,
  PASSWORD_RESET_LIFETIME_MS,
  THROTTLE_MAX_DELAY_MS,
  THROTTLE_QUIET_RESET_HOURS,
} from "../../src/domain/retention.js";
import { test } from "../helpers/context.js";

const PAGES = [
  { path: "/accessibilite", h1: "Déclaration d'accessibilité" },
  { path: "/mentions-legales", h1: "Mentions légales" },
  { path: "/donnees-personnelles", h1: "Données personnelles" },
  { path: "/plan-du-site", h1: "Plan du site" },
  { path: "/contact", h1: "Contact" },
  { path: "/aide", h1: "Aide" },
] as const;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The page's text as a reader gets it: no tags, entities decoded, spaces collapsed. */
function readable(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The main landmark's HTML (the footer says the whole site is a demonstration). */
function mainOf(html: string): string {
  return html.slice(html.indexOf("<main"), html.indexOf("</main>"));
}

/** The hrefs of the footer's navigation, in order. */
function footerLinks(html: string): string[] {
  const footer = html.slice(html.indexOf('<footer class="site-footer">'));
  const nav = footer.match(/<nav class="footer-nav" aria-label="Pied de page">([\s\S]*?)<\/nav>/)?.[1] ?? "";
  return [...nav.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? "");
}

describe("public-sector pages", () => {
  test.for(PAGES)("$path answers 200 in French with its heading, for visitors", async ({ path, h1 }, { app }) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    expect(readable(html.match(/<h1>[\s\S]*?<\/h1>/)?.[0] ?? "").trim()).toBe(h1);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain(`<title>${h1.replace("'", "&#39;")}`);
  });

  test("the footer of the home page, a proposal and a signed-in page links to all six", async ({ app, as }) => {
    const member = await as("apvf");
    const pages = [
      await (await app.request("/")).text(),
      await (await app.request("/propositions/escap")).text(),
      await (await member.get("/compte")).text(),
      await (await app.request("/nulle-part")).text(),
    ];
    for (const html of pages) {
      const links = footerLinks(html);
      for (const { path } of PAGES) expect(links).toContain(path);
    }
    expect(readable(pages[0] ?? "")).toContain("Accessibilité : non conforme");
    const onItsOwnPage = await (await app.request("/aide")).text();
    expect(onItsOwnPage).toContain('<a href="/aide" aria-current="page">Aide</a>');
  });

  test("the personal-data page shows the retention the code enforces", async ({ app, config }) => {
    const page = readable(await (await app.request("/donnees-personnelles")).text());
    const days = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;
    const hours = (n: number) => `${n} heure${n > 1 ? "s" : ""}`;
    expect(page).toContain(`prend fin après ${days(config.sessionInactivityMs / DAY_MS)} sans activité`);
    expect(page).toContain(`au plus tard ${days(config.sessionAbsoluteMs / DAY_MS)} après la connexion`);
    expect(page).toContain(`effacé ${days(EMAIL_BODY_RETENTION_DAYS)} après l'envoi`);
    expect(page).toContain(`une fois, pendant ${days(INVITATION_LIFETIME_MS / DAY_MS)}`);
    expect(page).toContain(`une fois, pendant ${hours(PASSWORD_RESET_LIFETIME_MS / HOUR_MS)}`);
    expect(page).toContain(`au plus de ${THROTTLE_MAX_DELAY_MS / 60_000} minutes`);
    expect(page).toContain(`après ${hours(THROTTLE_QUIET_RESET_HOURS)} sans échec, le compteur`);
    for (const right of ["l'accès", "rectification", "effacement", "limitation", "vous opposer", "CNIL"]) {
      expect(page).toContain(right);
    }
  });

  test("the legal and contact pages show the demo values, and say they are demo values", async ({ app, config }) => {
    const legal = readable(await (await app.request("/mentions-legales")).text());
    expect(legal).toContain(config.publisherName);
    expect(legal).toContain(config.publicationDirector);
    expect(legal).toContain("Fly.io");
    expect(legal).toContain("valeur de démonstration");
    expect(legal).toContain("Licence Ouverte 2.0 (Etalab)");
    const contact = await (await app.request("/contact")).text();
    expect(contact).toContain(`href="mailto:${config.contactEmail}"`);
  });

  test("the site map lists the public pages, every proposal from the database and the member area", async ({
    app,
    db,
  }) => {
    await db
      .updateTable("proposal")
      .set({ title: "Stages hors du lieu de formation" })
      .where("slug", "=", "stages")
      .execute();
    const html = await (await app.request("/plan-du-site")).text();
    const proposals = await db.selectFrom("proposal").select(["slug", "number"]).execute();
    expect(proposals).toHaveLength(4);
    for (const { slug } of proposals) expect(html).toContain(`href="/propositions/${slug}"`);
    expect(readable(html)).toContain("Proposition n° 1 : Stages hors du lieu de formation");
    for (const path of [
      "/organisations",
      "/resultats",
      "/journal",
      "/verifier",
      "/donnees",
      "/charte",
      "/connexion",
      "/tableau-de-bord",
      "/compte",
    ]) {
      expect(html).toContain(`href="${path}"`);
    }
  });

  test("every page the site map links to exists", async ({ app }) => {
    const html = await (await app.request("/plan-du-site")).text();
    const paths = [...mainOf(html).matchAll(/href="(\/[^"#]*)"/g)].map((match) => match[1] ?? "");
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const response = await app.request(path);
      // Member pages send visitors to the sign-in page; nothing is missing.
      expect([200, 303], path).toContain(response.status);
    }
  });

  test("the accessibility statement says how conformant, what was checked, and where to turn", async ({
    app,
    config,
  }) => {
    const page = readable(await (await app.request("/accessibilite")).text());
    expect(page).toContain("est non conforme avec le référentiel");
    expect(page).toContain("Aucun audit complet");
    expect(page).toContain("axe-core");
    expect(page).toContain("à 320 et à 1 366 pixels de large");
    expect(page).toContain(config.contactEmail);
    expect(page).toContain("Défenseur des droits Libre réponse 71120 75342 Paris CEDEX 07");
  });
});

describe("public-sector pages with a deployment's own values", () => {
  test.override({
    env: {
      PUBLISHER_NAME: "Association Exemple pour l'accès aux soins",
      PUBLISHER_ADDRESS: "1 rue de l'Exemple, 75001 Paris",
      PUBLICATION_DIRECTOR: "Camille Martin, présidente",
      CONTACT_EMAIL: "secretariat@exemple.fr",
      HOSTING_PROVIDER: "Hébergeur Exemple, 2 rue de l'Hôte, 59000 Lille",
      SESSION_INACTIVITY_DAYS: "3",
      SESSION_ABSOLUTE_DAYS: "1",
    },
  });

  test("show them in place of the demo values", async ({ app }) => {
    const legal = readable(mainOf(await (await app.request("/mentions-legales")).text()));
    for (const value of [
      "Association Exemple pour l'accès aux soins",
      "1 rue de l'Exemple, 75001 Paris",
      "Camille Martin, présidente",
      "Hébergeur Exemple, 2 rue de l'Hôte, 59000 Lille",
      "secretariat@exemple.fr",
    ]) {
      expect(legal).toContain(value);
    }
    expect(legal).not.toContain("démonstration");
    expect(await (await app.request("/contact")).text()).toContain('href="mailto:secretariat@exemple.fr"');
    expect(readable(await (await app.request("/accessibilite")).text())).toContain(
      "Association Exemple pour l'accès aux soins s'engage",
    );
    const privacy = readable(await (await app.request("/donnees-personnelles")).text());
    expect(privacy).toContain("prend fin après 3 jours sans activité et au plus tard 1 jour après la connexion");
  });
});
