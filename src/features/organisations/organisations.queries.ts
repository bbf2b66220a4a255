import { type Kysely, sql } from "kysely";
import type { CollegeTable, Database } from "../../db/database.js";
import type { OrganisationRecord } from "./organisations.csv.js";

export async function upsertColleges(db: Kysely<Database>, colleges: CollegeTable[]): Promise<void> {
  // Positions are unique: park them out of the way first so a reordering never collides.
  await db.updateTable("college").set({ position: sql`-position - 1000` }).execute();
  await db
    .insertInto("college")
    .values(colleges)
    .onConflict((oc) =>
      oc.column("slug").doUpdateSet((eb) => ({ name: eb.ref("excluded.name"), position: eb.ref("excluded.position") })),
    )
    .execute();
}

export async function upsertOrganisations(db: Kysely<Database>, records: OrganisationRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto("organisation")
    .values(
      records.map((record) => ({
        slug: record.slug,
        name: record.name,
        kind_slug: record.kindSlug,
        college_slug: record.collegeSlug,
        description: record.description,
        website: record.website,
        is_demo: record.isDemo,
      })),
    )
    .onConflict((oc) =>
      oc.column("slug").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        kind_slug: eb.ref("excluded.kind_slug"),
        college_slug: eb.ref("excluded.college_slug"),
        description: eb.ref("excluded.description"),
        website: eb.ref("excluded.website"),
        is_demo: eb.ref("excluded.is_demo"),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

export function listOrganisations(db: Kysely<Database>) {
  return db
    .selectFrom("organisation as o")
    .innerJoin("organisation_kind as k", "k.slug", "o.kind_slug")
    .innerJoin("college as c", "c.slug", "o.college_slug")
    .select([
      "o.slug",
      "o.name",
      "o.is_demo as isDemo",
      "k.slug as kindSlug",
      "k.label as kindLabel",
      "c.slug as collegeSlug",
      "c.name as collegeName",
    ])
    .orderBy("c.position")
    .orderBy("k.position")
    .orderBy("o.name")
    .execute();
}

export function findOrganisationBySlug(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom("organisation as o")
    .innerJoin("organisation_kind as k", "k.slug", "o.kind_slug")
    .innerJoin("college as c", "c.slug", "o.college_slug")
    .select([
      "o.slug",
      "o.name",
      "o.description",
      "o.website",
      "o.is_demo as isDemo",
      "k.label as kindLabel",
      "c.name as collegeName",
    ])
    .where("o.slug", "=", slug)
    .executeTakeFirst();
}

export async function countOrganisations(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom("organisation")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Kinds actually represented in the coalition. */
export async function countKinds(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom("organisation")
    .select((eb) => eb.fn.count<string>("kind_slug").distinct().as("count"))
    .executeTakeFirstOrThrow();
  return Number(count);
}
