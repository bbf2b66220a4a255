import type { Hono } from "hono";
import type { Kysely } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { SEARCH_LIMITS } from "../../src/features/search/search.read.js";
import { createUser } from "../factories.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";

/** Comments straight into the table, on « stages », by one APVF representative: the posting rules are tested elsewhere. */
async function insertComments(db: Kysely<Database>, bodies: string[]): Promise<string[]> {
  const user = await createUser(db, { organisation: "apvf", name: "Léa Lecture" });
  const mandate = await db.selectFrom("mandate").select("id").where("user_id", "=", user.id).executeTakeFirstOrThrow();
  const proposal = await db.selectFrom("proposal").select("id").where("slug", "=", "stages").executeTakeFirstOrThrow();
  const rows = await db
    .insertInto("comment")
    .values(
      bodies.map((body, index) => ({
        proposal_id: proposal.id,
        depth: 1,
        author_id: user.id,
        organisation_id: user.organisationId ?? "",
        mandate_id: mandate.id,
        stance: "pour" as const,
        body,
        idempotency_key: `recherche-${index}-${Date.now()}`,
      })),
    )
    .returning("id")
    .execute();
  return rows.map((row) => row.id);
}

const search = async (app: Hono<any>, q: string) => {
  const response = await new TestClient(app).get(`/recherche?q=${encodeURIComponent(q)}`);
  return { status: response.status, html: await response.text() };
};

/** The result links of one kind's section, in order. */
const links = (html: string, kind: "propositions" | "organisations" | "commentaires") => {
  const section =
    html.match(new RegExp(`<section[^>]*aria-labelledby="resultats-${kind}"[\\s\\S]*?</section>`))?.[0] ?? "";
  return [...section.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
};

const heading = (html: string, kind: string) => html.match(new RegExp(`<h2 id="resultats-${kind}">([^<]*)</h2>`))?.[1];

describe("site search (/recherche)", () => {
  test("« médecin » finds the organisations named after doctors, highlighted, grouped under a heading with their count", async ({
    app,
  }) => {
    const { status, html } = await search(app, "médecin");
    expect(status).toBe(200);
    const organisations = links(html, "organisations");
    expect(organisations).toContain("/organisations/territoires-en-attente-de-medecin");
    expect(organisations).toContain("/organisations/coordination-habitants-sans-medecin-traitant");
    expect(heading(html, "organisations")).toBe(`Organisations (${organisations.length})`);
    expect(html).toContain("Association Territoires en attente de <mark>médecin</mark>");
    expect(heading(html, "propositions")).toBe("Propositions (0)");
    expect(heading(html, "commentaires")).toBe("Commentaires (0)");
    // The query stays in the box.
    expect(html).toContain('name="q" type="search" value="médecin"');
  });

  test("finds proposals by title and official text, linked to the proposal, the words highlighted", async ({ app }) => {
    const byText = await search(app, "étudiants stages");
    expect(links(byText.html, "propositions")).toEqual(["/propositions/stages"]);
    expect(heading(byText.html, "propositions")).toBe("Propositions (1)");
    expect(byText.html).toContain("Proposition n°1 — <mark>Stages</mark> des <mark>étudiants</mark> en santé");
    const byTitle = await search(app, "escap");
    expect(links(byTitle.html, "propositions")[0]).toBe("/propositions/escap");
  });

  test("a proposal's doctors are found too, once its text speaks of them (the vector follows the text)", async ({
    app,
    db,
  }) => {
    expect(links((await search(app, "médecin")).html, "propositions")).toEqual([]);
    await db
      .updateTable("proposal")
      .set({ body: "Un médecin référent pour chaque patient." })
      .where("slug", "=", "guichet-unique")
      .execute();
    const { html } = await search(app, "médecin");
    expect(links(html, "propositions")).toEqual(["/propositions/guichet-unique"]);
    expect(html).toContain("<mark>médecin</mark> référent pour chaque patient");
    expect(links(html, "organisations").length).toBeGreaterThan(1);
  });

  test("accents and case do not matter, for every kind", async ({ app, db }) => {
    const [id] = await insertComments(db, ["Les médecins généralistes manquent dans les hôpitaux."]);
    const variants = await Promise.all(["médecin", "MEDECIN", "Médecins", "medecin"].map((q) => search(app, q)));
    const reference = links(variants[0]?.html ?? "", "organisations");
    expect(reference.length).toBeGreaterThan(1);
    for (const variant of variants) {
      expect(links(variant.html, "organisations")).toEqual(reference);
      expect(links(variant.html, "commentaires")).toEqual([`/commentaires/${id}#c-${id}`]);
    }
    expect(links((await search(app, "ETUDIANTS")).html, "propositions")).toEqual(["/propositions/stages"]);
    // Organisations by acronym, kind or college, each word a prefix.
    expect(links((await search(app, "apvf")).html, "organisations")).toEqual(["/organisations/apvf"]);
    expect(links((await search(app, "apv")).html, "organisations")).toEqual(["/organisations/apvf"]);
    expect(links((await search(app, "infirm")).html, "organisations").length).toBeGreaterThan(0);
    const college = await search(app, "etudiants internes");
    expect(links(college.html, "organisations").length).toBeGreaterThan(0);
  });

  test("comments: French, highlighted, escaped, linked to the comment; hidden and deleted ones are never found", async ({
    app,
    db,
  }) => {
    const [shown, hidden, deleted] = await insertComments(db, [
      "Les médecins généralistes manquent <script>alert(1)</script> dans les hôpitaux.",
      "Un xylophone masqué par la modération.",
      "Un xylophone effacé par son auteur.",
    ]);
    const { html } = await search(app, "medecin hopital");
    expect(links(html, "commentaires")).toEqual([`/commentaires/${shown}#c-${shown}`]);
    expect(html).toContain("<mark>médecins</mark>");
    expect(html).toContain("<mark>hôpitaux</mark>");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toMatch(/<p class="excerpt">[^<]*<mark>médecins<\/mark>[^<]*alert\(1\)/);

    expect(links((await search(app, "xylophone")).html, "commentaires")).toHaveLength(2);
    await db
      .updateTable("comment")
      .set({ hidden_at: new Date(), hidden_rule: "donnees-personnelles", hidden_reason: "Motif." })
      .where("id", "=", hidden ?? "")
      .execute();
    await db
      .updateTable("comment")
      .set({ deleted_at: new Date() })
      .where("id", "=", deleted ?? "")
      .execute();
    const after = await search(app, "xylophone");
    expect(links(after.html, "commentaires")).toEqual([]);
    expect(after.html).toContain("Aucun résultat pour « xylophone ».");
  });

  test("a kind cut by its limit says so", async ({ app, db }) => {
    await insertComments(
      db,
      Array.from({ length: SEARCH_LIMITS.comments + 1 }, (_, i) => `Zanzibar, argument numéro ${i}.`),
    );
    const { html } = await search(app, "zanzibar");
    expect(links(html, "commentaires")).toHaveLength(SEARCH_LIMITS.comments);
    expect(heading(html, "commentaires")).toBe(`Commentaires (plus de ${SEARCH_LIMITS.comments})`);
    expect(html).toContain(`Seuls les ${SEARCH_LIMITS.comments} premiers résultats sont affichés.`);
    const few = await search(app, "médecin");
    expect(few.html).not.toContain("premiers résultats sont affichés");
  });

  test("odd queries give a page or a clear French 400, never a 500", async ({ app }) => {
    const noQuery = await new TestClient(app).get("/recherche");
    expect(noQuery.status).toBe(200);
    expect(await noQuery.text()).not.toContain("resultats-");
    for (const q of [
      "",
      "   ",
      '"ouvert -fermé or (',
      "-",
      "--médecin",
      "-médecin",
      '"',
      "':* & | ! ( ) <-> \\",
      "médecin:*",
      "%_",
      "l'hôpital",
      "🩺 santé",
      "<b>gras</b>",
      "a".repeat(200),
    ]) {
      const { status, html } = await search(app, q);
      expect(status, q).toBe(200);
      expect(html, q).not.toContain("<b>gras</b>");
    }
    const long = await search(app, "médecin ".repeat(1250));
    expect(long.status).toBe(400);
    expect(long.html).toContain("La recherche est trop longue : 200 caractères au plus.");
    expect(long.html).toContain('aria-invalid="true"');
    const control = await new TestClient(app).get("/recherche?q=m%C3%A9decin%01");
    expect(control.status).toBe(400);
    expect(await control.text()).toContain("caractères invisibles");
  });

  test("the header's search form is on every page: home, a proposal, a signed-in page", async ({ app, as }) => {
    const visitor = new TestClient(app);
    const representative = await as("apvf");
    for (const [client, path] of [
      [visitor, "/"],
      [visitor, "/propositions/escap"],
      [representative, "/compte"],
      [representative, "/propositions/stages"],
    ] as const) {
      const html = await (await client.get(path)).text();
      expect(html, path).toMatch(/<form class="site-search" role="search" method="get" action="\/recherche"/);
      expect(html, path).toContain(
        '<label for="site-recherche" class="visually-hidden">Rechercher sur le site</label>',
      );
      expect(html, path).toContain('<input id="site-recherche" name="q" type="search"');
    }
  });
});
