import { type Kysely, sql } from "kysely";
import { describe, expect } from "vitest";
import { findUserWithMandate } from "../../src/auth/auth.queries.js";
import type { Database } from "../../src/db/database.js";
import { sendDueReminders } from "../../src/features/ballots/index.js";
import { currentOrganisationIds, findActingMandate } from "../../src/mandates/mandates.queries.js";
import { createUser } from "../factories.js";
import { test as base } from "../helpers/context.js";
import { firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

/**
 * "Who may act for which organisation now", one table of cases run against every query that
 * asks it. Each case is a person with mandates whose dates are relative to now.
 */
type Span = { organisation: string; starts: string; ends: string | null };
interface Case {
  name: string;
  mandates: Span[];
  suspended?: boolean;
  /** The organisation they act for now, or null. */
  actsFor: string | null;
}

const CASES: Case[] = [
  {
    name: "started yesterday, no end",
    mandates: [{ organisation: "apvf", starts: "-1 day", ends: null }],
    actsFor: "apvf",
  },
  { name: "ends tomorrow", mandates: [{ organisation: "apvf", starts: "-1 day", ends: "+1 day" }], actsFor: "apvf" },
  { name: "ended yesterday", mandates: [{ organisation: "apvf", starts: "-3 days", ends: "-1 day" }], actsFor: null },
  { name: "starts tomorrow", mandates: [{ organisation: "apvf", starts: "+1 day", ends: null }], actsFor: null },
  {
    name: "replaced: an ended mandate, then a current one elsewhere",
    mandates: [
      { organisation: "apvf", starts: "-10 days", ends: "-2 days" },
      { organisation: "alliance-usagers-soins-proximite", starts: "-2 days", ends: null },
    ],
    actsFor: "alliance-usagers-soins-proximite",
  },
  {
    name: "account suspended",
    mandates: [{ organisation: "apvf", starts: "-1 day", ends: null }],
    suspended: true,
    actsFor: null,
  },
];

type Person = { id: string; organisationIds: Map<string, string> };

/** One person per case, in the test's own database. */
async function createPeople(db: Kysely<Database>): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  for (const entry of CASES) {
    const user = await createUser(db, { email: `mandat-${people.size}@exemple.fr` });
    const organisationIds = new Map<string, string>();
    for (const span of entry.mandates) {
      const organisation = await db
        .selectFrom("organisation")
        .select("id")
        .where("slug", "=", span.organisation)
        .executeTakeFirstOrThrow();
      organisationIds.set(span.organisation, organisation.id);
      await db
        .insertInto("mandate")
        .values({
          user_id: user.id,
          organisation_id: organisation.id,
          starts_at: sql`now() + ${span.starts}::interval`,
          ends_at: span.ends === null ? null : sql<Date>`now() + ${span.ends}::interval`,
        })
        .execute();
    }
    if (entry.suspended)
      await db.updateTable("app_user").set({ status: "suspended" }).where("id", "=", user.id).execute();
    people.set(entry.name, { id: user.id, organisationIds });
  }
  return people;
}

const test = base.extend<{ person: (name: string) => Person }>({
  person: async ({ db }, use) => {
    const people = await createPeople(db);
    await use((name) => people.get(name) as Person);
  },
});

describe.each(CASES)("a person whose mandate $name", (entry) => {
  const expectedId = (person: (name: string) => Person) =>
    entry.actsFor ? person(entry.name).organisationIds.get(entry.actsFor) : undefined;

  test("may act for exactly that organisation (casting, commenting)", async ({ person, db }) => {
    const { id, organisationIds } = person(entry.name);
    for (const [slug, organisationId] of organisationIds) {
      const acting = await findActingMandate(db, { userId: id, organisationId });
      expect({ slug, acting: acting?.organisationId }).toEqual({
        slug,
        acting: slug === entry.actsFor ? organisationId : undefined,
      });
    }
  });

  test("signs in with that organisation as their mandate", async ({ person, db }) => {
    const row = await findUserWithMandate(db, person(entry.name).id);
    // A suspended account has no session at all; its mandate is still the dated one.
    const dated = entry.suspended ? person(entry.name).organisationIds.get("apvf") : expectedId(person);
    expect(row?.organisationId ?? undefined).toBe(dated);
  });

  test("counts as representing that organisation for moderation's own-organisation rule", async ({ person, db }) => {
    const ids = await currentOrganisationIds(db, person(entry.name).id);
    const dated = entry.suspended
      ? [person(entry.name).organisationIds.get("apvf")]
      : expectedId(person)
        ? [expectedId(person)]
        : [];
    expect(ids).toEqual(dated);
  });
});

describe("vote reminders", () => {
  test("go to the people who act for an organisation now, and only them", async ({ person, db }) => {
    const [slug] = await firstProposalSlugs(db);
    await openVoteNow(db, slug as string, { hours: 30 });
    await sendDueReminders(db, "http://localhost:3000");
    const reminded = await db.selectFrom("vote_reminder").select("user_id").execute();
    const remindedIds = new Set(reminded.map((row) => row.user_id));
    for (const entry of CASES) {
      expect({ case: entry.name, reminded: remindedIds.has(person(entry.name).id) }).toEqual({
        case: entry.name,
        reminded: entry.actsFor !== null,
      });
    }
  });
});
