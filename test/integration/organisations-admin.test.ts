import { type Kysely, sql } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { organisationsAdminText as t } from "../../views/admin/organisations-admin.text.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";

const HEADER = "slug,name,kind,college,description,website,demo";

/** Hono JSX escapes these five characters; French messages are full of apostrophes. */
function escaped(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function postMultipart(client: TestClient, path: string, fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return client.postMultipart(path, body);
}

async function countAdminActions(db: Kysely<Database>, action: string): Promise<number> {
  const { rows } = await sql<{
    count: string;
  }>`select count(*) as count from admin_action where action = ${action}`.execute(db);
  return Number(rows[0]?.count);
}

async function organisationsSnapshot(db: Kysely<Database>) {
  const { rows } = await sql`select * from organisation order by id`.execute(db);
  return rows;
}

function findOrganisation(db: Kysely<Database>, slug: string) {
  return db.selectFrom("organisation").selectAll().where("slug", "=", slug).executeTakeFirst();
}

const validForm = (overrides: Record<string, string> = {}) => ({
  name: "Collectif des soignants du littoral",
  slug: "collectif-soignants-littoral",
  kind: "infirmiers",
  college: "professionnels",
  description: "Des soignants de la côte.",
  website: "https://exemple.fr",
  demo: "true",
  ...overrides,
});

describe("who may manage organisations", () => {
  test("sends visitors to the sign-in page", async ({ app }) => {
    const response = await new TestClient(app).get("/admin/organisations");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/connexion\?suite=/);
  });

  test("refuses representatives and moderators", async ({ db, as }) => {
    const representative = await as("apvf");
    const moderator = await as("moderator");
    for (const client of [representative, moderator]) {
      expect((await client.get("/admin/organisations")).status).toBe(403);
      expect((await client.get("/admin/organisations/import")).status).toBe(403);
      expect((await client.post("/admin/organisations/nouvelle", validForm())).status).toBe(403);
    }
    expect(await findOrganisation(db, "collectif-soignants-littoral")).toBeUndefined();
  });

  test("sends administrators without two-factor authentication to set it up", async ({ as }) => {
    const client = await as({ role: "administrator", totp: false });
    const response = await client.get("/admin/organisations/nouvelle");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/compte\/double-authentification/);
    expect((await client.post("/admin/organisations/nouvelle", validForm())).status).toBe(403);
  });

  test("refuses a cross-site POST", async ({ db, as }) => {
    const admin = await as("administrator");
    const response = await admin.post("/admin/organisations/nouvelle", validForm({ slug: "par-un-autre-site" }), {
      Origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
    expect(await findOrganisation(db, "par-un-autre-site")).toBeUndefined();
  });
});

describe("listing, creating and editing", () => {
  test("lists every organisation with its kind, college, demo flag and an edit link", async ({ as }) => {
    const admin = await as("administrator");
    const response = await admin.get("/admin/organisations");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<caption id="organisations-liste">${t.list.caption}</caption>`);
    expect(html).toContain("Association des petites villes de France (APVF)");
    expect(html).toContain('href="/admin/organisations/apvf/modifier"');
    expect(html).toContain("Élus");
    expect(html).toContain("Financeurs et élus");
  });

  test("creates an organisation, records the action and shows a message", async ({ db, as }) => {
    const admin = await as("administrator");
    const before = await countAdminActions(db, "organisation.create");
    const response = await admin.post("/admin/organisations/nouvelle", validForm());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/organisations?message=organisation-creee");
    expect(await findOrganisation(db, "collectif-soignants-littoral")).toMatchObject({
      name: "Collectif des soignants du littoral",
      kind_slug: "infirmiers",
      college_slug: "professionnels",
      website: "https://exemple.fr",
      is_demo: true,
    });
    expect(await countAdminActions(db, "organisation.create")).toBe(before + 1);
    const list = await (await admin.get(response.headers.get("location") ?? "")).text();
    expect(list).toContain(escaped(t.messages["organisation-creee"] ?? "?"));
  });

  test("edits an organisation, records what changed", async ({ db, as }) => {
    const admin = await as("administrator");
    await admin.post("/admin/organisations/nouvelle", validForm({ slug: "a-modifier", name: "À modifier" }));
    const page = await (await admin.get("/admin/organisations/a-modifier/modifier")).text();
    expect(page).toContain('value="À modifier"');
    expect(page).toContain('<option value="infirmiers" selected="">');
    const before = await countAdminActions(db, "organisation.update");
    const form = validForm({ slug: "a-modifier", name: "Modifiée", kind: "pharmaciens", website: "", demo: "" });
    const response = await admin.post("/admin/organisations/a-modifier/modifier", form);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/organisations?message=organisation-modifiee");
    expect(await findOrganisation(db, "a-modifier")).toMatchObject({
      name: "Modifiée",
      kind_slug: "pharmaciens",
      website: null,
      is_demo: false,
    });
    expect(await countAdminActions(db, "organisation.update")).toBe(before + 1);
    const { rows } = await sql<{ details: { changes: Record<string, unknown> } }>`
      select details from admin_action where action = 'organisation.update' order by id desc limit 1`.execute(db);
    expect(Object.keys(rows[0]?.details.changes ?? {}).sort()).toEqual(["isDemo", "kindSlug", "name", "website"]);
  });

  test("answers 404 for an unknown organisation", async ({ as }) => {
    const admin = await as("administrator");
    expect((await admin.get("/admin/organisations/inconnue/modifier")).status).toBe(404);
    expect((await admin.post("/admin/organisations/inconnue/modifier", validForm())).status).toBe(404);
  });
});

describe("refused input keeps what was typed", () => {
  test("shows each format error beside its field", async ({ as }) => {
    const admin = await as("administrator");
    const response = await admin.post("/admin/organisations/nouvelle", validForm({ name: "", slug: "Pas Bon !" }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('value="Pas Bon !"');
    expect(html).toContain("Des soignants de la côte.");
    expect(html).toContain(escaped(t.errors.nameLength));
    expect(html).toContain(escaped(t.errors.slugFormat));
    expect(html).toContain('id="champ-slug-erreur"');
  });

  test("refuses an unknown kind", async ({ db, as }) => {
    const admin = await as("administrator");
    const response = await admin.post(
      "/admin/organisations/nouvelle",
      validForm({ slug: "type-inconnu", kind: "sorciers" }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('value="type-inconnu"');
    expect(html).toContain(escaped(t.errors.unknownKind));
    expect(await findOrganisation(db, "type-inconnu")).toBeUndefined();
  });

  test("refuses a slug or a name already used, and records nothing", async ({ db, as }) => {
    const admin = await as("administrator");
    const before = await countAdminActions(db, "organisation.create");
    const slugTaken = await admin.post(
      "/admin/organisations/nouvelle",
      validForm({ slug: "apvf", name: "Nouveau nom" }),
    );
    expect(slugTaken.status).toBe(422);
    const html = await slugTaken.text();
    expect(html).toContain('value="Nouveau nom"');
    expect(html).toContain(escaped(t.errors.slugTaken));
    const nameTaken = await admin.post(
      "/admin/organisations/nouvelle",
      validForm({ slug: "homonyme", name: "Association des petites villes de France (APVF)" }),
    );
    expect(nameTaken.status).toBe(422);
    expect(await nameTaken.text()).toContain(escaped(t.errors.nameTaken));
    expect(await countAdminActions(db, "organisation.create")).toBe(before);
  });

  test("refuses renaming onto another organisation's slug", async ({ db, as }) => {
    const admin = await as("administrator");
    const response = await admin.post(
      "/admin/organisations/apvf/modifier",
      validForm({ slug: "alliance-usagers-soins-proximite", name: "Association des petites villes de France (APVF)" }),
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(escaped(t.errors.slugTaken));
    expect(await findOrganisation(db, "apvf")).toBeDefined();
  });
});

describe("CSV import", () => {
  const goodCsv = [
    HEADER,
    "maison-sante-plateau,Maison de santé du plateau,centres-sante,etablissements,Une maison de santé.,,true",
    "apvf,Association des petites villes de France (APVF),elus,financeurs-elus,Description importée.,https://www.apvf.asso.fr,false",
  ].join("\n");

  const badCsv = [
    HEADER,
    "jamais-creee,Jamais créée,patients,usagers,,,true",
    "mauvais-type,Mauvais type,magiciens,usagers,,,true",
  ].join("\n");

  test("shows the form with a text area, a file input and multipart encoding", async ({ as }) => {
    const admin = await as("administrator");
    const html = await (await admin.get("/admin/organisations/import")).text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<textarea id="champ-csv" name="csv"');
    expect(html).toContain('type="file"');
  });

  test("refuses a bad pasted file naming the line, and changes nothing", async ({ db, as }) => {
    const admin = await as("administrator");
    const before = await organisationsSnapshot(db);
    const actions = await countAdminActions(db, "organisation.import");
    const response = await postMultipart(admin, "/admin/organisations/import", { csv: badCsv });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(escaped(t.errors.lineUnknownKind(3, "magiciens")));
    expect(html).toContain("mauvais-type,Mauvais type,magiciens");
    expect(await organisationsSnapshot(db)).toEqual(before);
    expect(await countAdminActions(db, "organisation.import")).toBe(actions);
  });

  test("refuses a bad uploaded file the same way", async ({ db, as }) => {
    const admin = await as("administrator");
    const before = await organisationsSnapshot(db);
    const file = new File([badCsv], "organisations.csv", { type: "text/csv" });
    const response = await postMultipart(admin, "/admin/organisations/import", { csv: "", file });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Ligne 3");
    expect(await organisationsSnapshot(db)).toEqual(before);
  });

  test("refuses a file over 200 KB, an empty form and both sources at once", async ({ db, as }) => {
    const admin = await as("administrator");
    const big = new File([`${HEADER}\n${"x".repeat(201 * 1024)}`], "gros.csv", { type: "text/csv" });
    const tooBig = await postMultipart(admin, "/admin/organisations/import", { csv: "", file: big });
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain(escaped(t.errors.csvTooLarge));
    const empty = await postMultipart(admin, "/admin/organisations/import", { csv: "" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain(escaped(t.errors.csvMissing));
    const small = new File([goodCsv], "organisations.csv", { type: "text/csv" });
    const both = await postMultipart(admin, "/admin/organisations/import", { csv: goodCsv, file: small });
    expect(both.status).toBe(422);
    expect(await findOrganisation(db, "maison-sante-plateau")).toBeUndefined();
  });

  test("creates and updates from an uploaded file, in one recorded action", async ({ db, as }) => {
    const admin = await as("administrator");
    const actions = await countAdminActions(db, "organisation.import");
    const file = new File([goodCsv], "organisations.csv", { type: "text/csv" });
    const response = await postMultipart(admin, "/admin/organisations/import", { csv: "", file });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/organisations?message=import&creees=1&modifiees=1");
    expect(await findOrganisation(db, "maison-sante-plateau")).toMatchObject({
      kind_slug: "centres-sante",
      is_demo: true,
    });
    expect(await findOrganisation(db, "apvf")).toMatchObject({ description: "Description importée." });
    expect(await countAdminActions(db, "organisation.import")).toBe(actions + 1);
    const list = await (await admin.get(response.headers.get("location") ?? "")).text();
    expect(list).toContain(escaped(t.importDone(1, 1)));
  });

  test("imports pasted text", async ({ db, as }) => {
    const admin = await as("administrator");
    const csv = `${HEADER}\ncollectif-colle,Collectif collé,mutuelles,financeurs-elus,,,false\n`;
    const response = await postMultipart(admin, "/admin/organisations/import", { csv });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/organisations?message=import&creees=1&modifiees=0");
    expect(await findOrganisation(db, "collectif-colle")).toMatchObject({ name: "Collectif collé" });
  });
});
