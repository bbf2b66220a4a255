import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCoalition } from "../../src/seed/seed.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const counts = async () => {
  const { rows } = await sql<{ organisations: string; proposals: string; colleges: string }>`
    select (select count(*) from organisation) as organisations,
           (select count(*) from proposal) as proposals,
           (select count(*) from college) as colleges`.execute(database.db);
  return rows[0];
};

describe("seed", () => {
  it("is idempotent and never resets a proposal's status", async () => {
    const before = await counts();
    await database.db.updateTable("proposal").set({ status: "brouillon" }).where("slug", "=", "escap").execute();
    await seedCoalition(database.db);
    await seedCoalition(database.db);
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ organisations: "35", proposals: "4", colleges: "5" });
    const escap = await database.db
      .selectFrom("proposal")
      .select("status")
      .where("slug", "=", "escap")
      .executeTakeFirst();
    expect(escap?.status).toBe("brouillon");
  });

  it("links organisations to 21 distinct kinds", async () => {
    const { rows } = await sql<{ kinds: string }>`select count(distinct kind_slug) as kinds from organisation`.execute(
      database.db,
    );
    expect(rows[0]?.kinds).toBe("21");
  });
});

describe("constraints carry the invariants", () => {
  const insertOrganisation = (values: Record<string, unknown>) =>
    database.db
      .insertInto("organisation")
      .values({
        slug: "nouvelle",
        name: "Nouvelle organisation",
        kind_slug: "medecins",
        college_slug: "professionnels",
        website: null,
        ...values,
      })
      .execute();

  it("refuses an unknown kind, a duplicate slug and a malformed slug", async () => {
    await expect(insertOrganisation({ kind_slug: "astronautes" })).rejects.toThrow(/foreign key/);
    await expect(insertOrganisation({ slug: "apvf", name: "Autre nom" })).rejects.toThrow(/duplicate key/);
    await expect(insertOrganisation({ slug: "Pas Un Slug" })).rejects.toThrow(/check constraint/);
    await expect(insertOrganisation({ website: "javascript:alert(1)" })).rejects.toThrow(/check constraint/);
  });

  it("refuses an unknown status and a vote window that closes before it opens", async () => {
    const update = (values: Record<string, unknown>) =>
      database.db.updateTable("proposal").set(values).where("slug", "=", "stages").execute();
    await expect(update({ status: "termine" })).rejects.toThrow(/check constraint/);
    await expect(
      update({ vote_opens_at: new Date("2026-12-02"), vote_closes_at: new Date("2026-12-01") }),
    ).rejects.toThrow(/proposal_vote_window_ordered/);
    await expect(update({ status: "vote_ouvert", vote_closes_at: null })).rejects.toThrow(
      /proposal_open_vote_has_closing_time/,
    );
  });
});
