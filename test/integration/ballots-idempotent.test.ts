import { type Kysely, sql } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { type As, test } from "../helpers/context.js";
import { firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

async function countsFor(db: Kysely<Database>, organisation: string) {
  const { rows } = await sql<{ events: string; chain: string; emails: string }>`
    select (select count(*) from ballot_event e join organisation o on o.id = e.organisation_id
            where o.slug = ${organisation}) as events,
           (select count(*) from audit_event where kind = 'ballot' and payload->>'organisation' = ${organisation}) as chain,
           (select count(*) from email_outbox where kind = 'ballot_receipt') as emails`.execute(db);
  const row = rows[0];
  return { events: Number(row?.events), chain: Number(row?.chain), emails: Number(row?.emails) };
}

/** The first proposal's vote, open now. */
async function openVote(db: Kysely<Database>): Promise<string> {
  const [slug = ""] = await firstProposalSlugs(db);
  await openVoteNow(db, slug);
  return slug;
}

/** APVF's ballot « contre, Trop tôt. », cast by Claire Martin. */
async function castByClaire(as: As, slug: string): Promise<void> {
  const claire = await as({ organisation: "apvf", name: "Claire Martin" });
  const response = await claire.post(`/propositions/${slug}/vote`, { choix: "contre", motivation: "Trop tôt." });
  expect(response.status).toBe(303);
}

describe("identical ballots", () => {
  test("records one event, one chain entry and one receipt for 10 parallel identical submissions", async ({
    db,
    as,
  }) => {
    const slug = await openVote(db);
    const client = await as({ organisation: "apvf", name: "Claire Martin" });
    const emailsBefore = (await countsFor(db, "apvf")).emails;
    const form = { choix: "contre", motivation: "Trop tôt." };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => client.post(`/propositions/${slug}/vote`, form)),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 303));
    const counts = await countsFor(db, "apvf");
    expect({ events: counts.events, chain: counts.chain, emails: counts.emails - emailsBefore }).toEqual({
      events: 1,
      chain: 1,
      emails: 1,
    });
    const unchanged = responses.filter((r) => r.headers.get("location")?.includes("message=bulletin-inchange"));
    expect(unchanged).toHaveLength(9);
  });

  test("answers a colleague's identical ballot as a success naming who cast it, without recording anything", async ({
    db,
    as,
  }) => {
    const slug = await openVote(db);
    await castByClaire(as, slug);
    const colleague = await as({ organisation: "apvf", name: "Paul Durand" });
    const before = await countsFor(db, "apvf");
    const response = await colleague.post(`/propositions/${slug}/vote`, { choix: "contre", motivation: "Trop tôt." });
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toContain("message=bulletin-inchange");
    expect(await countsFor(db, "apvf")).toEqual(before);
    const page = await (await colleague.get(location)).text();
    expect(page).toContain("déjà celui de votre organisation, déposé par Claire Martin");
    const ballot = await db.selectFrom("ballot").select("receipt").executeTakeFirstOrThrow();
    expect(page).toContain(ballot.receipt);
  });

  test("still records a change of reason", async ({ db, as }) => {
    const slug = await openVote(db);
    await castByClaire(as, slug);
    const colleague = await as({ organisation: "apvf", name: "Léa Petit" });
    const before = await countsFor(db, "apvf");
    const response = await colleague.post(`/propositions/${slug}/vote`, {
      choix: "contre",
      motivation: "Autre motif.",
    });
    expect(response.headers.get("location")).not.toContain("bulletin-inchange");
    expect((await countsFor(db, "apvf")).events).toBe(before.events + 1);
  });
});
