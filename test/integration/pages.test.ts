import { describe, expect } from "vitest";
import { test as base } from "../helpers/context.js";

/** A visitor's GET. */
const test = base.extend<{ get: (path: string, headers?: Record<string, string>) => Promise<Response> }>({
  get: async ({ app }, use) => {
    await use(async (path, headers = {}) => app.request(path, { headers }));
  },
});

describe("public pages", () => {
  test("home shows the four proposals with their status, in French", async ({ get }) => {
    const response = await get("/");
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    for (const slug of ["stages", "escap", "guichet-unique", "exercice-mixte"]) {
      expect(html).toContain(`href="/propositions/${slug}"`);
    }
    expect(html.match(/badge--debat/g)).toHaveLength(4);
    expect(html).toContain("35 organisations");
    expect(html).toContain('class="skip-link" href="#contenu"');
  });

  test("a proposal page shows its official text, status and schedule", async ({ get, db }) => {
    await db
      .updateTable("proposal")
      .set({ vote_opens_at: new Date("2026-12-01T09:00:00Z"), vote_closes_at: new Date("2026-12-08T17:00:00Z") })
      .where("slug", "=", "guichet-unique")
      .execute();
    const html = await (await get("/propositions/guichet-unique")).text();
    expect(html).toContain("<h1>Guichet unique d&#39;accompagnement</h1>");
    expect(html).toContain("centralise, à l&#39;échelle de chaque département");
    expect(html).toContain("1 décembre 2026 à 10:00");
    expect(html).toContain("8 décembre 2026 à 18:00");
    expect(html).toContain('id="debat"');
    expect(html).toContain('id="vote"'); // the vote and results region
  });

  test("an unknown slug gives a French 404 page", async ({ get }) => {
    const response = await get("/propositions/inconnue");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Page introuvable");
    expect(html).toContain("Aucune proposition ne porte cette adresse.");
    expect((await get("/nulle-part")).status).toBe(404);
    expect((await get("/organisations/inconnue")).status).toBe(404);
  });

  test("/organisations links to the 35 organisations, grouped by college then kind", async ({ get }) => {
    const html = await (await get("/organisations")).text();
    const links = new Set(html.match(/href="\/organisations\/[a-z0-9-]+"/g));
    expect(links.size).toBe(35);
    const colleges = [
      "Usagers",
      "Professionnels de santé",
      "Étudiants et internes",
      "Établissements et secours",
      "Financeurs et élus",
    ];
    const positions = colleges.map((name) => html.indexOf(`>${name}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('<h3 class="org-kind">Sages-femmes</h3>');
  });

  test("an organisation page shows its kind, college and demo flag", async ({ get, db }) => {
    const apvf = await (await get("/organisations/apvf")).text();
    expect(apvf).toContain("Association des petites villes de France (APVF)");
    expect(apvf).toContain("<dd>Élus</dd>");
    expect(apvf).toContain("<dd>Financeurs et élus</dd>");
    expect(apvf).not.toContain("badge--demo");
    const demo = await db
      .selectFrom("organisation")
      .select("slug")
      .where("is_demo", "=", true)
      .executeTakeFirstOrThrow();
    expect(await (await get(`/organisations/${demo.slug}`)).text()).toContain("badge--demo");
  });

  test("the about page tells of the coalition and the 9 March press conference", async ({ get }) => {
    const html = await (await get("/a-propos")).text();
    expect(html).toContain("9 mars 2022");
    expect(html).toContain("APVF");
  });

  test("marks the current section in the navigation", async ({ get }) => {
    const html = await (await get("/organisations/apvf")).text();
    expect(html).toContain('<a href="/organisations" aria-current="page">Organisations</a>');
  });

  test("renders a fragment (no layout) for htmx partial requests, and says so to caches", async ({ get }) => {
    const response = await get("/propositions/escap", { "HX-Request-Type": "partial" });
    const html = await response.text();
    expect(html).not.toContain("<html");
    expect(html).toContain("<h1>ESCAP</h1>");
    expect(response.headers.get("Vary")).toContain("HX-Request-Type");
  });

  test("escapes text coming from the database", async ({ get, db }) => {
    await db
      .updateTable("organisation")
      .set({ description: '<script>alert("x")</script>' })
      .where("slug", "=", "apvf")
      .execute();
    const html = await (await get("/organisations/apvf")).text();
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});

describe("static assets", () => {
  test("serves htmx from our own origin with a long-lived cache and compression", async ({ get }) => {
    const html = await (await get("/")).text();
    const src = html.match(/<script src="(\/static\/htmx\.min\.js\?v=[0-9a-f]+)"/)?.[1];
    expect(src).toBeDefined();
    const response = await get(src ?? "", { "Accept-Encoding": "br, gzip" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("Content-Encoding")).toBe("br");
    expect(response.headers.get("Content-Type")).toContain("javascript");
    const etag = response.headers.get("ETag") ?? "";
    expect((await get(src ?? "", { "If-None-Match": etag })).status).toBe(304);
  });

  test("loads nothing from another origin", async ({ get }) => {
    const html = await (await get("/propositions/stages")).text();
    const external = html.match(/(src|href)="(https?:)?\/\/[^"]+"/g) ?? [];
    expect(external).toEqual([]);
  });

  test("sends an unversioned asset without the long-lived cache, and 404 for unknown files", async ({ get }) => {
    expect((await get("/static/app.css")).headers.get("Cache-Control")).toContain("must-revalidate");
    expect((await get("/static/secret.txt")).status).toBe(404);
  });
});

describe("compression", () => {
  test("gzips HTML pages for clients that accept it", async ({ get }) => {
    const response = await get("/organisations", { "Accept-Encoding": "gzip, deflate, br" });
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    const { gunzipSync } = await import("node:zlib");
    const html = gunzipSync(Buffer.from(await response.arrayBuffer())).toString("utf8");
    expect(html).toContain("</html>");
  });
});
