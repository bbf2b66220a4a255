import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { type Instance, readUntil, startInstance, stopInstance } from "../helpers/live.js";
import { closeVoteNow, firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

/**
 * Ballots, vote transitions and moderation decisions publish live events like comments do:
 * every open page hears of them, on every instance, and every instance's page cache forgets
 * the pages they change.
 */
let database: TestDatabase;
let a: Instance;
let b: Instance;
let slugs: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  a = await startInstance(database.url);
  // B caches anonymous pages for a minute: only a live event can make it forget them.
  b = await startInstance(database.url, { PAGE_CACHE_MS: "60000" });
  slugs = await firstProposalSlugs(database.db);
});
afterAll(async () => {
  for (const instance of [a, b]) await stopInstance(instance);
  await database.destroy();
});

async function signedIn(instance: Instance, options: Parameters<typeof createUser>[1]) {
  const client = new TestClient(instance.app);
  await client.signIn(await createUser(database.db, options));
  return client;
}

describe("live events beyond comments", () => {
  it("a ballot cast on A updates the turnout on B's open pages, never the form, and B's cache forgets the page", async () => {
    const slug = slugs[0] as string;
    await openVoteNow(database.db, slug);
    const cached = await (await b.app.request(`/propositions/${slug}`)).text();
    expect(cached).toContain("0 organisations sur");
    const stream = await b.app.request(`/propositions/${slug}/direct`);
    const voter = await signedIn(a, { organisation: "apvf" });
    expect((await voter.post(`/propositions/${slug}/vote`, { choix: "pour", motivation: "" })).status).toBe(303);
    const text = await readUntil(stream, (t) => t.includes("Nouveau bulletin"));
    expect(text).toContain('id="vote-etat" hx-swap-oob="outerMorph"');
    expect(text).toContain("1 organisation sur");
    expect(text).not.toContain('name="choix"');
    await expect
      .poll(async () => (await (await b.app.request(`/propositions/${slug}`)).text()).includes("1 organisations sur"))
      .toBe(true);
  });

  it("an identical resubmission publishes nothing", async () => {
    const slug = slugs[0] as string;
    const voter = await signedIn(a, { organisation: "alliance-usagers-soins-proximite" });
    await voter.post(`/propositions/${slug}/vote`, { choix: "contre", motivation: "" });
    const before = await countEvents(slug);
    await voter.post(`/propositions/${slug}/vote`, { choix: "contre", motivation: "" });
    expect(await countEvents(slug)).toBe(before);
  });

  it("opening and closing a vote replace the whole vote region, with its result once closed", async () => {
    const slug = slugs[1] as string;
    const opening = await b.app.request(`/propositions/${slug}/direct`);
    await openVoteNow(database.db, slug);
    const opened = await readUntil(opening, (t) => t.includes("Le vote est ouvert"));
    expect(opened).toContain('id="vote" aria-labelledby="vote-titre" hx-swap-oob="outerMorph"');
    const closing = await b.app.request(`/propositions/${slug}/direct`);
    await closeVoteNow(database.db, slug);
    const closed = await readUntil(closing, (t) => t.includes("Le vote est clos"));
    expect(closed).toContain('hx-swap-oob="outerMorph"');
    expect(closed).toContain("Résultat");
  });

  it("moderation decisions reach open pages: hide, restore, pin, lock, synthesis", async () => {
    const slug = slugs[2] as string;
    const author = await signedIn(a, { organisation: "apvf" });
    const posted = await author.post(`/propositions/${slug}/commentaires`, { position: "pour", body: "À modérer" });
    const commentId = /#c-(\d+)$/.exec(posted.headers.get("Location") ?? "")?.[1] ?? "";
    const moderator = await signedIn(a, { role: "moderator", totp: true });
    const steps: [string, Record<string, string>, string][] = [
      [
        `/moderation/commentaires/${commentId}/masquer`,
        { regle: "hors-sujet", motif: "Hors sujet." },
        "masqué par la modération",
      ],
      [`/moderation/commentaires/${commentId}/retablir`, { motif: "Erreur de ma part." }, "rétabli par la modération"],
      [`/moderation/commentaires/${commentId}/epingler`, {}, "mis en avant comme argument clé"],
      [`/moderation/propositions/${slug}/verrouiller`, { motif: "Pause." }, "verrouillé la discussion"],
      [`/moderation/propositions/${slug}/deverrouiller`, {}, "rouvert la discussion"],
      [`/moderation/propositions/${slug}/synthese`, { synthese: "Les organisations convergent." }, "nouvelle synthèse"],
    ];
    for (const [path, form, announced] of steps) {
      const stream = await b.app.request(`/propositions/${slug}/direct`);
      expect((await moderator.post(path, form)).status, path).toBe(303);
      expect(await readUntil(stream, (t) => t.includes(announced))).toContain(announced);
    }
  });
});

async function countEvents(slug: string): Promise<number> {
  const row = await database.db
    .selectFrom("live_event")
    .innerJoin("proposal", "proposal.id", "live_event.proposal_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("proposal.slug", "=", slug)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
