import type { Hono } from "hono";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

let database: TestDatabase;
let app: Hono<any>;
let slug: string;

async function representative(organisation: string, name: string): Promise<TestClient> {
  const client = new TestClient(app);
  await client.signIn(await createUser(database.db, { organisation, name }));
  return client;
}

async function countsFor(organisation: string) {
  const { rows } = await sql<{ events: string; chain: string; emails: string }>`
    select (select count(*) from ballot_event e join organisation o on o.id = e.organisation_id
            where o.slug = ${organisation}) as events,
           (select count(*) from audit_event where kind = 'ballot' and payload->>'organisation' = ${organisation}) as chain,
           (select count(*) from email_outbox where kind = 'ballot_receipt') as emails`.execute(database.db);
  const row = rows[0];
  return { events: Number(row?.events), chain: Number(row?.chain), emails: Number(row?.emails) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  [slug = ""] = await firstProposalSlugs(database.db);
  await openVoteNow(database.db, slug);
});
afterAll(() => database.destroy());

describe("identical ballots", () => {
  it("records one event, one chain entry and one receipt for 10 parallel identical submissions", async () => {
    const client = await representative("apvf", "Claire Martin");
    const emailsBefore = (await countsFor("apvf")).emails;
    const form = { choix: "contre", motivation: "Trop tôt." };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => client.post(`/propositions/${slug}/vote`, form)),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 303));
    const counts = await countsFor("apvf");
    expect({ events: counts.events, chain: counts.chain, emails: counts.emails - emailsBefore }).toEqual({
      events: 1,
      chain: 1,
      emails: 1,
    });
    const unchanged = responses.filter((r) => r.headers.get("location")?.includes("message=bulletin-inchange"));
    expect(unchanged).toHaveLength(9);
  });

  it("answers a colleague's identical ballot as a success naming who cast it, without recording anything", async () => {
    const colleague = await representative("apvf", "Paul Durand");
    const before = await countsFor("apvf");
    const response = await colleague.post(`/propositions/${slug}/vote`, { choix: "contre", motivation: "Trop tôt." });
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toContain("message=bulletin-inchange");
    expect(await countsFor("apvf")).toEqual(before);
    const page = await (await colleague.get(location)).text();
    expect(page).toContain("déjà celui de votre organisation, déposé par Claire Martin");
    const ballot = await database.db.selectFrom("ballot").select("receipt").executeTakeFirstOrThrow();
    expect(page).toContain(ballot.receipt);
  });

  it("still records a change of reason", async () => {
    const colleague = await representative("apvf", "Léa Petit");
    const before = await countsFor("apvf");
    const response = await colleague.post(`/propositions/${slug}/vote`, {
      choix: "contre",
      motivation: "Autre motif.",
    });
    expect(response.headers.get("location")).not.toContain("bulletin-inchange");
    expect((await countsFor("apvf")).events).toBe(before.events + 1);
  });
});
