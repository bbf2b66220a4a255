import type { Kysely } from "kysely";
import { sql } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { verifyExport } from "../../src/features/ballots/results/verify.js";
import { TestClient } from "../helpers/client.js";
import { type As, test } from "../helpers/context.js";
import { asWritten } from "../helpers/emails.js";
import { closeVoteNow, firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

async function orgId(db: Kysely<Database>, slugName: string): Promise<string> {
  const row = await db.selectFrom("organisation").select("id").where("slug", "=", slugName).executeTakeFirstOrThrow();
  return row.id;
}

const vote = (client: TestClient, slug: string, form: Record<string, string>) =>
  client.post(`/propositions/${slug}/vote`, form);

/** The first proposal's vote open now; the second stays a draft. */
async function openVote(db: Kysely<Database>): Promise<{ slug: string; draftSlug: string }> {
  const [slug = "", draftSlug = ""] = await firstProposalSlugs(db);
  await openVoteNow(db, slug);
  return { slug, draftSlug };
}

/** APVF votes « pour », then a colleague changes the ballot to « contre »: one ballot, two events. */
async function castThenChanged(as: As, slug: string) {
  const rep = await as("apvf");
  expect((await vote(rep, slug, { choix: "pour", motivation: "Essentiel pour nos communes." })).status).toBe(303);
  const colleague = await as("apvf");
  expect((await vote(colleague, slug, { choix: "contre", motivation: "Après débat interne." })).status).toBe(303);
  return rep;
}

describe("the confirmation after a ballot", () => {
  test("says what the form did — recorded, changed, or nothing new — and takes the focus", async ({ db, as }) => {
    const { slug } = await openVote(db);
    const rep = await as({ organisation: "apvf", name: "Inès Laurent" });
    const confirmation = async (response: Response) => {
      expect(response.status).toBe(303);
      const location = response.headers.get("Location") ?? "";
      expect(location).toMatch(new RegExp(`^/propositions/${slug}\\?message=[a-z-]+#vote$`));
      const page = await (await rep.get(location.replace(/#.*$/, ""))).text();
      return page.match(/<p class="[^"]*" id="vote-confirmation" tabindex="-1" data-focus="true">([^<]*)<\/p>/)?.[1];
    };
    const inWhoseNameAndWhen = (choice: string) =>
      new RegExp(
        `: ${choice}, au nom de Association des petites villes de France \\(APVF\\), par Inès Laurent, .*\\d{4}.*\\.$`,
      );
    expect(await confirmation(await vote(rep, slug, { choix: "pour" }))).toMatch(/^Bulletin enregistré : /);
    expect(await confirmation(await vote(rep, slug, { choix: "pour", motivation: "Oui." }))).toMatch(
      inWhoseNameAndWhen("Pour"),
    );
    expect(await confirmation(await vote(rep, slug, { choix: "contre" }))).toMatch(/^Bulletin modifié : /);
    expect(await confirmation(await vote(rep, slug, { choix: "contre" }))).toMatch(/^Ce bulletin est déjà celui/);
    const plain = await (await rep.get(`/propositions/${slug}`)).text();
    expect(plain).not.toContain('id="vote-confirmation"');
    const forged = await (await rep.get(`/propositions/${slug}?message=autre-chose`)).text();
    expect(forged).not.toContain('id="vote-confirmation"');
  });
});

describe("the ballot form", () => {
  test("has one submit button per choice saying what it does and in whose name, then what a change does", async ({
    db,
    as,
  }) => {
    const { slug } = await openVote(db);
    const rep = await as("apvf");
    const buttons = async () => {
      const page = await (await rep.get(`/propositions/${slug}`)).text();
      return [...page.matchAll(/<button type="submit" name="choix" value="([a-z]+)"[^>]*>([^<]*)<\/button>/g)].map(
        ([, value, label]) => `${value}: ${label}`,
      );
    };
    const apvf = "Association des petites villes de France (APVF)";
    expect(await buttons()).toEqual([
      `pour: Voter Pour au nom de ${apvf}`,
      `contre: Voter Contre au nom de ${apvf}`,
      `abstention: S&#39;abstenir au nom de ${apvf}`,
    ]);
    expect((await vote(rep, slug, { choix: "pour" })).status).toBe(303);
    expect(await buttons()).toEqual([
      `pour: Garder Pour au nom de ${apvf}, avec cette motivation`,
      `contre: Changer pour Contre au nom de ${apvf}`,
      `abstention: Changer pour l&#39;abstention au nom de ${apvf}`,
    ]);
  });
});

describe("who may vote", () => {
  test("casts the organisation's ballot, shows who cast it and the receipt, and emails the receipt", async ({
    db,
    as,
  }) => {
    const { slug } = await openVote(db);
    const rep = await as({ organisation: "apvf", name: "Claire Martin" });
    const response = await vote(rep, slug, { choix: "pour", motivation: "Essentiel pour nos communes." });
    expect(response.status).toBe(303);
    const page = await (await rep.get(`/propositions/${slug}`)).text();
    const ballot = await db
      .selectFrom("ballot")
      .selectAll()
      .where("cast_by", "=", rep.user.id)
      .executeTakeFirstOrThrow();
    expect(page).toContain("Choix actuel : Pour.");
    expect(page).toContain("Déposé par Claire Martin");
    expect(page).toContain(ballot.receipt);
    const email = asWritten(
      await db
        .selectFrom("email_outbox")
        .selectAll()
        .where("recipient", "=", rep.user.email)
        .where("kind", "=", "ballot_receipt")
        .executeTakeFirstOrThrow(),
    );
    expect(email.body_text).toContain(ballot.receipt);
  });

  test("lets another representative of the same organisation change it; every change is an event", async ({
    db,
    as,
  }) => {
    const { slug } = await openVote(db);
    await castThenChanged(as, slug);
    const ballots = await db
      .selectFrom("ballot")
      .selectAll()
      .where("organisation_id", "=", await orgId(db, "apvf"))
      .execute();
    expect(ballots).toHaveLength(1);
    expect(ballots[0]?.choice).toBe("contre");
    const events = await db.selectFrom("ballot_event").select("action").orderBy("id").execute();
    expect(events.map((e) => e.action)).toEqual(["cast", "change"]);
  });

  test("refuses a representative naming another organisation (403) and records the attempt", async ({ db, as }) => {
    const { slug } = await openVote(db);
    const rep = await as("apvf");
    const other = await orgId(db, "alliance-usagers-soins-proximite");
    const response = await vote(rep, slug, { choix: "pour", organisation: other });
    expect(response.status).toBe(403);
    const recorded = await db
      .selectFrom("admin_action")
      .selectAll()
      .where("action", "=", "ballot.wrong_organisation")
      .executeTakeFirst();
    expect(recorded?.actor_id).toBe(rep.user.id);
    const theirs = await db.selectFrom("ballot").select("id").where("organisation_id", "=", other).execute();
    expect(theirs).toEqual([]);
  });

  test("refuses moderators and administrators without a mandate (403), and visitors", async ({ db, app, as }) => {
    const { slug } = await openVote(db);
    for (const role of ["moderator", "administrator"] as const) {
      const staff = await as(role);
      expect((await vote(staff, slug, { choix: "pour" })).status).toBe(403);
    }
    expect((await vote(new TestClient(app), slug, { choix: "pour" })).status).toBe(403);
  });

  test("gives representatives a dashboard of their organisation's ballots, and nobody else", async ({ app, as }) => {
    const rep = await as("apvf");
    const dashboard = await (await rep.get("/tableau-de-bord")).text();
    expect(dashboard).toContain("Vous représentez Association des petites villes de France (APVF).");
    const moderator = await as("moderator");
    expect((await moderator.get("/tableau-de-bord")).status).toBe(403);
    expect((await new TestClient(app).get("/tableau-de-bord")).status).toBe(303);
  });

  test("answers 409 when the vote is not open and 422 for an unknown option or a long reason", async ({ db, as }) => {
    const { slug, draftSlug } = await openVote(db);
    const rep = await as("apvf");
    const notOpen = await vote(rep, draftSlug, { choix: "pour" });
    expect(notOpen.status).toBe(409);
    expect(await notOpen.text()).toContain("Le vote n&#39;est pas ouvert");
    const unknown = await vote(rep, slug, { choix: "peut-etre", motivation: "Gardé tel quel" });
    expect(unknown.status).toBe(422);
    const html = await unknown.text();
    expect(html).toContain('<p class="field-error" id="champ-choix-erreur">Choisissez Pour, Contre ou Abstention.</p>');
    expect(html).toContain("Gardé tel quel</textarea>");
    const long = await vote(rep, slug, { choix: "pour", motivation: "x".repeat(2001) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("La motivation fait au plus 2 000 caractères.");
  });

  test("refuses a representative whose mandate has ended", async ({ db, as }) => {
    const { slug } = await openVote(db);
    const client = await as("voix-des-patients-territoires");
    await sql`update mandate set ends_at = now() where user_id = ${client.user.id}`.execute(db);
    expect((await vote(client, slug, { choix: "pour" })).status).toBe(403);
  });
});

describe("during the vote", () => {
  test("shows the turnout but no tally or choice to the public; staff see who has not voted", async ({
    db,
    app,
    as,
  }) => {
    const { slug } = await openVote(db);
    await castThenChanged(as, slug);
    const page = await (await new TestClient(app).get(`/propositions/${slug}`)).text();
    expect(page).toContain("1 organisations sur 35 ont voté");
    expect(page).not.toContain("Décompte provisoire");
    expect(page).not.toContain("Après débat interne");
    const moderator = await as("moderator");
    const staffPage = await (await moderator.get(`/propositions/${slug}`)).text();
    expect(staffPage).toContain("Organisations qui n&#39;ont pas encore voté (34)");
    const journal = await (await new TestClient(app).get("/journal")).text();
    expect(journal).toContain("a modifié son bulletin");
    expect(journal).not.toContain("Contre");
    const exported = await (await new TestClient(app).get("/journal.json")).json();
    expect(JSON.stringify(exported)).not.toContain("contre");
    expect(verifyExport(exported)).toMatchObject({ ok: true });
  });

  test("shows the rules before the vote opens", async ({ db, app }) => {
    const { draftSlug } = await openVote(db);
    const page = await (await new TestClient(app).get(`/propositions/${draftSlug}`)).text();
    expect(page).toContain("Quorum : au moins 18 organisations sur 35");
    expect(page).toContain("plus de voix Pour que de voix Contre");
  });
});

describe("after closing", () => {
  /** The vote of `castThenChanged`, closed: APVF's « contre » is the one ballot. */
  async function closedAfterAChange(db: Kysely<Database>, as: As) {
    const { slug } = await openVote(db);
    const rep = await castThenChanged(as, slug);
    await closeVoteNow(db, slug);
    return { slug, rep };
  }

  test("publishes the roll-call, the chart and its table, and the matrix", async ({ db, app, as }) => {
    const { slug } = await closedAfterAChange(db, as);
    const page = await (await new TestClient(app).get(`/propositions/${slug}`)).text();
    expect(page).toContain("Quorum non atteint");
    expect(page).toContain("Après débat interne.");
    expect(page).toContain("<svg");
    expect(page).toContain("Décompte par choix");
    // One seat per organisation, coloured by its choice: here APVF's « contre », the 34 others without a ballot.
    expect(page.match(/<circle class="seat-dot seat-dot--none"/g)?.length).toBe(34);
    expect(page.match(/<circle class="seat-dot seat-dot--contre"/g)?.length).toBe(1);
    expect(page).toContain(
      "Les 35 organisations, une par siège : Pour : 0, Abstention : 0, Contre : 1, n&#39;a pas voté : 34.",
    );
    // Each college as one stacked bar, described as a whole.
    expect(page).toMatch(
      /<title id="[a-z-]+-colleges-graphique-titre">Choix par collège — [^<]+Contre 1[^<]*\.<\/title>/,
    );
    const colleges = await db.selectFrom("college").select("name").orderBy("position").execute();
    // The 35 rows are read under their college's heading, in the colleges' order.
    const headings = (html: string) =>
      [...html.matchAll(/<th scope="rowgroup" colspan="\d+">([^<]+)<\/th>/g)].map(([, name]) => name);
    expect(headings(page)).toEqual(colleges.map((c) => c.name));
    const matrix = await (await new TestClient(app).get("/resultats")).text();
    expect(matrix).toContain("Contre");
    expect(headings(matrix)).toEqual(colleges.map((c) => c.name));
    const organisation = await (await new TestClient(app).get("/organisations/apvf")).text();
    expect(organisation).toContain("Contre");
  });

  test("exports CSV (both separators) and JSON, and the chain verifies", async ({ db, app, as }) => {
    await closedAfterAChange(db, as);
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

  test("refuses ballots after closing (409)", async ({ db, as }) => {
    const { slug, rep } = await closedAfterAChange(db, as);
    expect((await vote(rep, slug, { choix: "pour" })).status).toBe(409);
  });
});
