import { type Kysely, sql } from "kysely";
import type { CollegeTable, Database } from "../../db/database.js";
import { HEADLINE_WHOLE } from "../../domain/search.js";
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

/**
 * The user's words as a prefix query: « médecin -hôpital APV » → 'médecin':* & !'hôpital':* & 'APV':*.
 * Only letters and digits reach to_tsquery, so its syntax never fails; words of one letter are
 * left out (they would match every word starting with it). Null when no word is sought.
 */
export function prefixQuery(terms: string): string | null {
  const sought: string[] = [];
  const excluded: string[] = [];
  for (const token of terms.split(/\s+/)) {
    const words = (token.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 1);
    (token.startsWith("-") ? excluded : sought).push(...words.map((word) => `'${word}':*`));
  }
  if (sought.length === 0) return null;
  return [...sought, ...excluded.map((word) => `!${word}`)].join(" & ");
}

/**
 * Organisations by name (with its acronym), kind or college: French words, accent- and
 * case-insensitive, each word a prefix (« infirm », « APV »), every word required. A few
 * dozen rows: no index.
 */
export function searchOrganisations(db: Kysely<Database>, terms: string, limit: number) {
  const prefixes = prefixQuery(terms);
  if (!prefixes) return Promise.resolve([]);
  const query = sql`to_tsquery('french_unaccent', ${prefixes})`;
  const document = sql`to_tsvector('french_unaccent', o.name || ' ' || k.label || ' ' || c.name)`;
  return db
    .selectFrom("organisation as o")
    .innerJoin("organisation_kind as k", "k.slug", "o.kind_slug")
    .innerJoin("college as c", "c.slug", "o.college_slug")
    .select([
      "o.slug",
      "o.is_demo as isDemo",
      sql<string>`ts_headline('french_unaccent', o.name, ${query}, ${HEADLINE_WHOLE})`.as("name"),
      sql<string>`ts_headline('french_unaccent', k.label, ${query}, ${HEADLINE_WHOLE})`.as("kindLabel"),
      sql<string>`ts_headline('french_unaccent', c.name, ${query}, ${HEADLINE_WHOLE})`.as("collegeName"),
    ])
    .where(sql<boolean>`${document} @@ ${query}`)
    .orderBy(sql`ts_rank(to_tsvector('french_unaccent', o.name), ${query})`, "desc")
    .orderBy("o.name")
    .limit(limit)
    .execute();
}
