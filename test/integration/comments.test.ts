import type { Kysely } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { createUser } from "../factories.js";
import { TestClient } from "../helpers/client.js";
import { type As, test } from "../helpers/context.js";

let keys = 0;
const key = () => `cle${Date.now()}x${++keys}`;

function post(client: TestClient, slug: string, form: Record<string, string>) {
  return client.post(`/propositions/${slug}/commentaires`, { cle: key(), position: "pour", ...form });
}

function reply(client: TestClient, parentId: string, body: string, extra: Record<string, string> = {}) {
  return client.post(`/commentaires/${parentId}/repondre`, { cle: key(), body, ...extra });
}

async function commentByBody(db: Kysely<Database>, body: string) {
  return db.selectFrom("comment").selectAll().where("body", "=", body).executeTakeFirstOrThrow();
}

const idFromLocation = (response: Response) => /#c-(\d+)$/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";

describe("posting a comment in the name of an organisation", () => {
  test("stores the organisation and stance, and shows « Person — Organisation (kind) »", async ({ db, as }) => {
    const client = await as({ organisation: "apvf", name: "Claire Martin" });
    const response = await post(client, "stages", { body: "Les **stages** doivent être rémunérés." });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toMatch(/^\/propositions\/stages#c-\d+$/);
    const row = await commentByBody(db, "Les **stages** doivent être rémunérés.");
    expect(row).toMatchObject({
      author_id: client.user.id,
      organisation_id: client.user.organisationId,
      stance: "pour",
      depth: 1,
    });
    const page = await (await client.get("/propositions/stages")).text();
    expect(page).toContain(
      '<strong>Claire Martin</strong> — <a href="/organisations/apvf">Association des petites villes de France (APVF)</a>',
    );
    expect(page).toContain("(Élus)");
    expect(page).toContain("<strong>stages</strong>");
    expect(page).toMatch(/stance-badge--pour">Pour</);
  });

  test("refuses a person without a current mandate with 403 and an explanation", async ({ as }) => {
    const client = await as({});
    const response = await post(client, "stages", { body: "Sans mandat" });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("seuls les représentants mandatés peuvent agir au nom d");
  });

  test("refuses a person whose mandate has ended", async ({ db, as }) => {
    const client = await as({ organisation: "apvf" });
    await db.updateTable("mandate").set({ ends_at: new Date() }).where("user_id", "=", client.user.id).execute();
    expect((await post(client, "stages", { body: "Mandat terminé" })).status).toBe(403);
    expect(await db.selectFrom("comment").select("id").where("body", "=", "Mandat terminé").execute()).toEqual([]);
  });

  test("refuses a visitor", async ({ app }) => {
    const response = await post(new TestClient(app), "stages", { body: "Visiteur" });
    expect(response.status).toBe(403);
  });

  test("answers 422 beside the field for an empty text, and for a missing stance", async ({ as }) => {
    const client = await as("apvf");
    const empty = await post(client, "stages", { body: "   " });
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(html).toContain('id="nouveau-texte-erreur"');
    expect(html).toContain("Écrivez votre texte avant de publier.");
    const noStance = await post(client, "stages", { body: "Sans position", position: "" });
    expect(noStance.status).toBe(422);
    expect(await noStance.text()).toContain("Choisissez une position");
  });

  test("answers 422 for more than 5,000 characters and keeps the text", async ({ as }) => {
    const client = await as("apvf");
    const long = `début ${"x".repeat(5000)}`;
    const response = await post(client, "stages", { body: long });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(long);
    expect(html).toContain("la limite est de 5");
    expect((await post(client, "stages", { body: "y".repeat(5000) })).status).toBe(303);
  });

  test("shows HTML and script as text, never as markup or htmx attributes", async ({ as }) => {
    const client = await as("apvf");
    const body = `<script>alert(1)</script> <img src=x onerror=alert(1)> <div hx-get="/admin" hx-trigger="load">x</div> <hx-partial hx-target="body">y</hx-partial> [clic](javascript:alert(1))`;
    expect((await post(client, "stages", { body })).status).toBe(303);
    const page = await (await client.get("/propositions/stages")).text();
    expect(page).not.toContain("<script>alert(1)");
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain('<div hx-get="/admin"');
    expect(page).not.toContain("<hx-partial");
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain('class="comment-body" hx-ignore');
  });

  test("renders the markdown subset; links get rel=nofollow ugc noopener; @organisation links to it", async ({
    as,
  }) => {
    const client = await as("apvf");
    const body = "*un* **deux**\n\n- a\n- b\n\n> cité\n\n[site](https://exemple.fr) merci @apvf";
    expect((await post(client, "stages", { body })).status).toBe(303);
    const page = await (await client.get("/propositions/stages")).text();
    expect(page).toContain('<a href="https://exemple.fr" rel="nofollow ugc noopener">site</a>');
    expect(page).toContain("<em>un</em> <strong>deux</strong>");
    expect(page).toContain("<blockquote>");
    expect(page).toContain('<a href="/organisations/apvf" class="mention"');
  });

  test("creates one comment for a double submit of the same form", async ({ db, as }) => {
    const client = await as("apvf");
    const form = { cle: key(), position: "contre", body: "Double clic" };
    const [first, second] = await Promise.all([
      client.post("/propositions/escap/commentaires", form),
      client.post("/propositions/escap/commentaires", form),
    ]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const rows = await db.selectFrom("comment").select("id").where("body", "=", "Double clic").execute();
    expect(rows).toHaveLength(1);
  });

  test("limits how fast one person posts (429, text kept), without slowing others", async ({ as }) => {
    const client = await as("apvf");
    for (let i = 0; i < 5; i += 1) expect((await post(client, "escap", { body: `Rafale ${i}` })).status).toBe(303);
    const limited = await post(client, "escap", { body: "Rafale de trop" });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Rafale de trop");
    const other = await as("apvf");
    expect((await post(other, "escap", { body: "Une autre personne" })).status).toBe(303);
  });

  test("refuses comments on a closed proposal and on a locked thread, with a clear message", async ({ db, as }) => {
    const client = await as("apvf");
    await db.updateTable("proposal").set({ status: "clos" }).where("slug", "=", "exercice-mixte").execute();
    const closed = await post(client, "exercice-mixte", { body: "Trop tard" });
    expect(closed.status).toBe(403);
    expect(await closed.text()).toContain("Le débat est clos");
    await db.updateTable("proposal").set({ status: "brouillon" }).where("slug", "=", "exercice-mixte").execute();
    const draft = await post(client, "exercice-mixte", { body: "Trop tôt" });
    expect(draft.status).toBe(403);
    expect(await draft.text()).toContain("pas encore ouvert");
    await db
      .updateTable("proposal")
      .set({ status: "debat", thread_locked_at: new Date(), thread_locked_reason: "Pause de modération." })
      .where("slug", "=", "exercice-mixte")
      .execute();
    const locked = await post(client, "exercice-mixte", { body: "Verrouillé" });
    expect(locked.status).toBe(403);
    const html = await locked.text();
    expect(html).toContain("verrouillé par la modération");
    expect(html).toContain("Verrouillé");
    const page = await (await client.get("/propositions/exercice-mixte")).text();
    expect(page).toContain("verrouillé par la modération");
    expect(page).not.toContain('action="/propositions/exercice-mixte/commentaires"');
    await db
      .updateTable("proposal")
      .set({ thread_locked_at: null, thread_locked_reason: null })
      .where("slug", "=", "exercice-mixte")
      .execute();
  });

  test("returns the form and an out-of-band comment to htmx", async ({ as }) => {
    const client = await as("apvf");
    const response = await client.post(
      "/propositions/stages/commentaires",
      { cle: key(), position: "question", body: "Par htmx" },
      { "HX-Request": "true", "HX-Request-Type": "partial" },
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form method="post" action="/propositions/stages/commentaires"');
    expect(html).toContain('<ol id="commentaires" hx-swap-oob="upsert sort:desc">');
    expect(html).toContain("Par htmx");
  });

  test("shows a preview without publishing", async ({ db, as }) => {
    const client = await as("apvf");
    const response = await post(client, "stages", { body: "**Aperçu seulement**", action: "apercu" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<strong>Aperçu seulement</strong>");
    expect(await db.selectFrom("comment").select("id").where("body", "=", "**Aperçu seulement**").execute()).toEqual(
      [],
    );
  });
  test("previews before a stance is chosen, but still asks for one to publish", async ({ as }) => {
    const client = await as("apvf");
    const stanceless = { cle: key(), body: "Sans position encore" };
    const preview = await client.post("/propositions/stages/commentaires", { ...stanceless, action: "apercu" });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("<p>Sans position encore</p>");
    expect(html).toContain('value="apercu" class="button--secondary" formnovalidate');
    const publish = await client.post("/propositions/stages/commentaires", { ...stanceless, action: "publier" });
    expect(publish.status).toBe(422);
    expect(await publish.text()).toContain("nouveau-position-erreur");
  });
});

describe("replies", () => {
  test("nest to depth 3; a reply to a third-level comment stays at level 3 and says whom it answers", async ({
    db,
    as,
  }) => {
    const a = await as({ organisation: "apvf", name: "Alice Niveau" });
    const b = await as({ organisation: "alliance-usagers-soins-proximite", name: "Bruno Niveau" });
    const top = idFromLocation(await post(a, "guichet-unique", { body: "Niveau 1" }));
    const second = idFromLocation(await reply(b, top, "Niveau 2"));
    const third = idFromLocation(await reply(a, second, "Niveau 3"));
    const fourth = idFromLocation(await reply(b, third, "Niveau 4"));
    const rows = await db.selectFrom("comment").selectAll().where("id", "in", [top, second, third, fourth]).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(second)).toMatchObject({ depth: 2, parent_id: top, root_id: top, stance: null });
    expect(byId.get(third)).toMatchObject({ depth: 3, parent_id: second, root_id: top });
    expect(byId.get(fourth)).toMatchObject({ depth: 3, parent_id: second, root_id: top, reply_to_id: third });
    const thread = await (await a.get(`/commentaires/${fourth}`)).text();
    expect(thread).toContain("en réponse à Alice Niveau");
    expect(thread.indexOf("Niveau 1")).toBeLessThan(thread.indexOf("Niveau 4"));
  });

  test("answers 404 for an unknown parent", async ({ as }) => {
    const client = await as("apvf");
    expect((await reply(client, "999999999", "Perdu")).status).toBe(404);
  });

  test("refuses a reply from a person without a mandate", async ({ as }) => {
    const a = await as("apvf");
    const top = idFromLocation(await post(a, "guichet-unique", { body: "À qui répondre" }));
    const noMandate = await as({ role: "moderator", totp: false });
    const response = await reply(noMandate, top, "Je réponds sans mandat");
    expect(response.status).toBe(403);
  });
});

describe("edits and deletions", () => {
  async function authored(as: As, body: string) {
    const client = await as("apvf");
    const id = idFromLocation(await post(client, "guichet-unique", { body }));
    return { client, id };
  }

  test("keeps every version and shows a diff in the history", async ({ db, as }) => {
    const { client, id } = await authored(as, "Première idée simple");
    const edited = await client.post(`/commentaires/${id}/modifier`, { body: "Première idée améliorée" });
    expect(edited.status).toBe(303);
    const versions = await db.selectFrom("comment_version").selectAll().where("comment_id", "=", id).execute();
    expect(versions.map((v) => v.body)).toEqual(["Première idée simple", "Première idée améliorée"]);
    const page = await (await client.get(`/commentaires/${id}`)).text();
    expect(page).toContain(`href="/commentaires/${id}/historique"`);
    expect(page).toContain(">modifié<");
    const history = await (await client.get(`/commentaires/${id}/historique`)).text();
    expect(history).toMatch(/<del>.*simple.*<\/del>/);
    expect(history).toMatch(/<ins>.*améliorée.*<\/ins>/);
  });

  test("refuses an edit or a deletion by anyone else than the author, even of the same organisation", async ({
    db,
    as,
  }) => {
    const { id } = await authored(as, "À moi seul");
    const colleague = await as("apvf");
    expect((await colleague.get(`/commentaires/${id}/modifier`)).status).toBe(403);
    expect((await colleague.post(`/commentaires/${id}/modifier`, { body: "Piraté" })).status).toBe(403);
    expect((await colleague.post(`/commentaires/${id}/supprimer`)).status).toBe(403);
    expect((await commentByBody(db, "À moi seul")).deleted_at).toBeNull();
  });

  test("422 for an empty edit, text kept", async ({ as }) => {
    const { client, id } = await authored(as, "Texte à vider");
    const response = await client.post(`/commentaires/${id}/modifier`, { body: "  " });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Écrivez votre texte");
  });

  test("leaves a tombstone « supprimé par son auteur » and keeps the replies", async ({ as }) => {
    const { client, id } = await authored(as, "Bientôt supprimé");
    const other = await as("alliance-usagers-soins-proximite");
    await reply(other, id, "Réponse qui reste");
    expect((await client.post(`/commentaires/${id}/supprimer`)).status).toBe(303);
    const page = await (await client.get(`/commentaires/${id}`)).text();
    expect(page).toContain("supprimé par son auteur");
    expect(page).not.toContain("Bientôt supprimé");
    expect(page).toContain("Réponse qui reste");
    expect((await client.post(`/commentaires/${id}/modifier`, { body: "Ressuscité" })).status).toBe(403);
  });
});

describe("support", () => {
  async function argument(as: As) {
    const author = await as("apvf");
    return idFromLocation(await post(author, "escap", { body: `Argument ${key()}` }));
  }

  test("toggles once per organisation and shows the count and the organisations", async ({ db, as }) => {
    const id = await argument(as);
    const first = await as("alliance-usagers-soins-proximite");
    const colleague = await as("alliance-usagers-soins-proximite");
    expect((await first.post(`/commentaires/${id}/soutien`)).status).toBe(303);
    let page = await (await first.get(`/commentaires/${id}`)).text();
    expect(page).toContain("1 soutien");
    expect(page).toContain(">Alliance des usagers pour des soins de proximité</a>");
    expect(page).toContain("Retirer le soutien de notre organisation");
    // The colleague acts for the same organisation: the second click withdraws, never counts twice.
    await colleague.post(`/commentaires/${id}/soutien`);
    page = await (await first.get(`/commentaires/${id}`)).text();
    expect(page).toContain("Aucun soutien");
    await first.post(`/commentaires/${id}/soutien`);
    const row = await db.selectFrom("comment").select("support_count").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.support_count).toBe(1);
  });

  test("is a constraint: a second row for the same organisation is refused by Postgres", async ({ db, as }) => {
    const id = await argument(as);
    const supporter = await createUser(db, { organisation: "voix-des-patients-territoires" });
    const row = { comment_id: id, organisation_id: supporter.organisationId ?? "", user_id: supporter.id };
    await db.insertInto("comment_support").values(row).execute();
    await expect(db.insertInto("comment_support").values(row).execute()).rejects.toThrow(/comment_support_pk/);
  });

  test("refuses a person without mandate, and an organisation supporting itself", async ({ app, as }) => {
    const id = await argument(as);
    const moderator = await as({ role: "moderator", totp: false });
    expect((await moderator.post(`/commentaires/${id}/soutien`)).status).toBe(403);
    const sameOrganisation = await as("apvf");
    expect((await sameOrganisation.post(`/commentaires/${id}/soutien`)).status).toBe(403);
    expect((await new TestClient(app).post(`/commentaires/${id}/soutien`)).status).toBe(403);
  });

  test("answers htmx with the updated comment only", async ({ as }) => {
    const id = await argument(as);
    const supporter = await as("reseau-solidaire-patients-chroniques");
    const response = await supporter.post(`/commentaires/${id}/soutien`, {}, { "HX-Request-Type": "partial" });
    const html = await response.text();
    expect(html.startsWith(`<article id="c-${id}-contenu"`)).toBe(true);
    expect(html).toContain("1 soutien");
  });
});
