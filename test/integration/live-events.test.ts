import type { Kysely } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { readUntil, withInstances } from "../helpers/live.js";
import { closeVoteNow, firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

/**
 * Ballots, vote transitions and moderation decisions publish live events like comments do:
 * every open page hears of them, on every instance, and every instance's page cache forgets
 * the pages they change.
 */
// B caches anonymous pages for a minute: only a live event can make it forget them.
const test = withInstances({ b: { PAGE_CACHE_MS: "60000" } }).extend<{ slugs: string[] }>({
  slugs: async ({ db }, use) => {
    await use(await firstProposalSlugs(db));
  },
});

describe("live events beyond comments", () => {
  test("a ballot cast on A updates the turnout on B's open pages, never the form, and B's cache forgets the page", async ({
    a,
    b,
    slugs,
    db,
    as,
  }) => {
    const slug = slugs[0] as string;
    await openVoteNow(db, slug);
    const cached = await (await b.app.request(`/propositions/${slug}`)).text();
    expect(cached).toContain("0 organisations sur");
    const stream = await b.app.request(`/propositions/${slug}/direct`);
    const voter = await as("apvf", { app: a.app });
    expect((await voter.post(`/propositions/${slug}/vote`, { choix: "pour", motivation: "" })).status).toBe(303);
    const text = await readUntil(stream, (t) => t.includes("Nouveau bulletin"));
    expect(text).toContain('id="vote-etat" hx-swap-oob="outerMorph"');
    expect(text).toContain("1 organisation sur");
    expect(text).not.toContain('name="choix"');
    await expect
      .poll(async () => (await (await b.app.request(`/propositions/${slug}`)).text()).includes("1 organisations sur"))
      .toBe(true);
  });

  test("an identical resubmission publishes nothing", async ({ a, slugs, db, as }) => {
    const slug = slugs[0] as string;
    await openVoteNow(db, slug);
    const voter = await as("alliance-usagers-soins-proximite", { app: a.app });
    await voter.post(`/propositions/${slug}/vote`, { choix: "contre", motivation: "" });
    const before = await countEvents(db, slug);
    await voter.post(`/propositions/${slug}/vote`, { choix: "contre", motivation: "" });
    expect(await countEvents(db, slug)).toBe(before);
  });

  test("opening and closing a vote replace the whole vote region, with its result once closed", async ({
    b,
    slugs,
    db,
  }) => {
    const slug = slugs[1] as string;
    const opening = await b.app.request(`/propositions/${slug}/direct`);
    await openVoteNow(db, slug);
    const opened = await readUntil(opening, (t) => t.includes("Le vote est ouvert"));
    expect(opened).toContain('id="vote" aria-labelledby="vote-titre" hx-swap-oob="outerMorph"');
    const closing = await b.app.request(`/propositions/${slug}/direct`);
    await closeVoteNow(db, slug);
    const closed = await readUntil(closing, (t) => t.includes("Le vote est clos"));
    expect(closed).toContain('hx-swap-oob="outerMorph"');
    expect(closed).toContain("Résultat");
  });

  test("moderation decisions reach open pages: hide, restore, pin, lock, synthesis", async ({ a, b, slugs, as }) => {
    const slug = slugs[2] as string;
    const author = await as("apvf", { app: a.app });
    const posted = await author.post(`/propositions/${slug}/commentaires`, { position: "pour", body: "À modérer" });
    const commentId = /#c-(\d+)$/.exec(posted.headers.get("Location") ?? "")?.[1] ?? "";
    const moderator = await as("moderator", { app: a.app });
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

async function countEvents(db: Kysely<Database>, slug: string): Promise<number> {
  const row = await db
    .selectFrom("live_event")
    .innerJoin("proposal", "proposal.id", "live_event.proposal_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("proposal.slug", "=", slug)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
