import type { Hono } from "hono";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyExport } from "../../src/features/ballots/results/verify.js";
import { createUser, type TestUser } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { asWritten } from "../helpers/emails.js";
import { closeVoteNow, firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

let database: TestDatabase;
let app: Hono<any>;
let slug: string;
let draftSlug: string;
let repA: TestUser;
let rep: TestClient;

async function orgId(slugName: string): Promise<string> {
  const row = await database.db
    .selectFrom("organisation")
    .select("id")
    .where("slug", "=", slugName)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function signedIn(user: TestUser): Promise<TestClient> {
  const client = new TestClient(app);
  await client.signIn(user);
  return client;
}

const vote = (client: TestClient, form: Record<string, string>, target = slug) =>
  client.post(`/propositions/${target}/vote`, form);

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  [slug = "", draftSlug = ""] = await firstProposalSlugs(database.db);
  await openVoteNow(database.db, slug);
  repA = await createUser(database.db, { organisation: "apvf", name: "Claire Martin" });
  rep = await signedIn(repA);
});
afterAll(() => database.destroy());

describe("who may vote", () => {
  it("casts the organisation's ballot, shows who cast it and the receipt, and emails the receipt", async () => {
    const response = await vote(rep, { choix: "pour", motivation: "Essentiel pour nos communes." });
    expect(response.status).toBe(303);
    const page = await (await rep.get(`/propositions/${slug}`)).text();
    const ballot = await database.db
      .selectFrom("ballot")
      .selectAll()
      .where("cast_by", "=", repA.id)
      .executeTakeFirstOrThrow();
    expect(page).toContain("Choix actuel : Pour.");
    expect(page).toContain("Déposé par Claire Martin");
    expect(page).toContain(ballot.receipt);
    const email = asWritten(
      await database.db
        .selectFrom("email_outbox")
        .selectAll()
        .where("recipient", "=", repA.email)
        .where("kind", "=", "ballot_receipt")
        .executeTakeFirstOrThrow(),
    );
    expect(email.body_text).toContain(ballot.receipt);
  });

  it("lets another representative of the same organisation change it; every change is an event", async () => {
    const colleague = await signedIn(await createUser(database.db, { organisation: "apvf" }));
    expect((await vote(colleague, { choix: "contre", motivation: "Après débat interne." })).status).toBe(303);
    const ballots = await database.db
      .selectFrom("ballot")
      .selectAll()
      .where("organisation_id", "=", await orgId("apvf"))
      .execute();
    expect(ballots).toHaveLength(1);
    expect(ballots[0]?.choice).toBe("contre");
    const events = await database.db.selectFrom("ballot_event").select("action").orderBy("id").execute();
    expect(events.map((e) => e.action)).toEqual(["cast", "change"]);
  });

  it("refuses a representative naming another organisation (403) and records the attempt", async () => {
    const other = await orgId("alliance-usagers-soins-proximite");
    const response = await vote(rep, { choix: "pour", organisation: other });
    expect(response.status).toBe(403);
    const recorded = await database.db
      .selectFrom("admin_action")
      .selectAll()
      .where("action", "=", "ballot.wrong_organisation")
      .executeTakeFirst();
    expect(recorded?.actor_id).toBe(repA.id);
    const theirs = await database.db.selectFrom("ballot").select("id").where("organisation_id", "=", other).execute();
    expect(theirs).toEqual([]);
  });

  it("refuses moderators and administrators without a mandate (403), and visitors", async () => {
    for (const role of ["moderator", "administrator"] as const) {
      const staff = await signedIn(await createUser(database.db, { role, totp: true }));
      expect((await vote(staff, { choix: "pour" })).status).toBe(403);
    }
    expect((await vote(new TestClient(app), { choix: "pour" })).status).toBe(403);
  });

  it("gives representatives a dashboard of their organisation's ballots, and nobody else", async () => {
    const dashboard = await (await rep.get("/tableau-de-bord")).text();
    expect(dashboard).toContain("Vous représentez Association des petites villes de France (APVF).");
    const moderator = await signedIn(await createUser(database.db, { role: "moderator", totp: true }));
    expect((await moderator.get("/tableau-de-bord")).status).toBe(403);
    expect((await new TestClient(app).get("/tableau-de-bord")).status).toBe(303);
  });

  it("answers 409 when the vote is not open and 422 for an unknown option or a long reason", async () => {
    const notOpen = await vote(rep, { choix: "pour" }, draftSlug);
    expect(notOpen.status).toBe(409);
    expect(await notOpen.text()).toContain("Le vote n&#39;est pas ouvert");
    const unknown = await vote(rep, { choix: "peut-etre", motivation: "Gardé tel quel" });
    expect(unknown.status).toBe(422);
    const html = await unknown.text();
    expect(html).toContain('<p class="field-error" id="champ-choix-erreur">Choisissez Pour, Contre ou Abstention.</p>');
    expect(html).toContain("Gardé tel quel</textarea>");
    const long = await vote(rep, { choix: "pour", motivation: "x".repeat(2001) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("La motivation fait au plus 2 000 caractères.");
  });

  it("refuses a representative whose mandate has ended", async () => {
    const user = await createUser(database.db, { organisation: "voix-des-patients-territoires" });
    const client = await signedIn(user);
    await sql`update mandate set ends_at = now() where user_id = ${user.id}`.execute(database.db);
    expect((await vote(client, { choix: "pour" })).status).toBe(403);
  });
});

describe("during the vote", () => {
  it("shows the turnout but no tally or choice to the public; staff see who has not voted", async () => {
    const page = await (await new TestClient(app).get(`/propositions/${slug}`)).text();
    expect(page).toContain("1 organisations sur 35 ont voté");
    expect(page).not.toContain("Décompte provisoire");
    expect(page).not.toContain("Après débat interne");
    const moderator = await signedIn(await createUser(database.db, { role: "moderator", totp: true }));
    const staffPage = await (await moderator.get(`/propositions/${slug}`)).text();
    expect(staffPage).toContain("Organisations qui n&#39;ont pas encore voté (34)");
    const journal = await (await new TestClient(app).get("/journal")).text();
    expect(journal).toContain("a modifié son bulletin");
    expect(journal).not.toContain("Contre");
    const exported = await (await new TestClient(app).get("/journal.json")).json();
    expect(JSON.stringify(exported)).not.toContain("contre");
    expect(verifyExport(exported)).toMatchObject({ ok: true });
  });

  it("shows the rules before the vote opens", async () => {
    const page = await (await new TestClient(app).get(`/propositions/${draftSlug}`)).text();
    expect(page).toContain("Quorum : au moins 18 organisations sur 35");
    expect(page).toContain("plus de voix Pour que de voix Contre");
  });
});

describe("after closing", () => {
  beforeAll(async () => {
    await closeVoteNow(database.db, slug);
  });

  it("publishes the roll-call, the chart and its table, and the matrix", async () => {
    const page = await (await new TestClient(app).get(`/propositions/${slug}`)).text();
    expect(page).toContain("Quorum non atteint");
    expect(page).toContain("Après débat interne.");
    expect(page).toContain("<svg");
    expect(page).toContain("Décompte par choix");
    const matrix = await (await new TestClient(app).get("/resultats")).text();
    expect(matrix).toContain("Contre");
    const organisation = await (await new TestClient(app).get("/organisations/apvf")).text();
    expect(organisation).toContain("Contre");
  });

  it("exports CSV (both separators) and JSON, and the chain verifies", async () => {
    const csv = await (await new TestClient(app).get("/resultats.csv")).text();
    expect(csv.split("\r\n")[0]).toBe("proposition,organisation,nom,college,type,choix,motivation,recu");
    const bytes = new Uint8Array(await (await new TestClient(app).get("/resultats-point-virgule.csv")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets then read UTF-8
    expect(new TextDecoder().decode(bytes)).toMatch(
      /^proposition;organisation;nom;college;type;choix;motivation;recu\r\n/,
    );
    const json = await (await new TestClient(app).get("/resultats.json")).json();
    expect(json.results[0].tally).toEqual({ pour: 0, contre: 1, abstention: 0, cast: 1 });
    const verify = await (await new TestClient(app).get("/verifier")).text();
    expect(verify).toContain("Vérification réussie");
  });

  it("refuses ballots after closing (409)", async () => {
    expect((await vote(rep, { choix: "pour" })).status).toBe(409);
  });
});
