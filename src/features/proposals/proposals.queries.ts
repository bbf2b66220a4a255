import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { ProposalStatus } from "../../domain/proposals.js";
import { HEADLINE_FRAGMENTS, HEADLINE_WHOLE } from "../../domain/search.js";
import type { OfficialProposal } from "./proposals.text.js";

/** Inserts new proposals in debate; an existing proposal gets the official text again, never a status change. */
export async function upsertOfficialProposals(
  db: Kysely<Database>,
  proposals: OfficialProposal[],
  initialStatus: ProposalStatus,
): Promise<void> {
  if (proposals.length === 0) return;
  await db
    .insertInto("proposal")
    .values(
      proposals.map((p) => ({ number: p.number, slug: p.slug, title: p.title, body: p.body, status: initialStatus })),
    )
    .onConflict((oc) =>
      oc.column("slug").doUpdateSet((eb) => ({
        number: eb.ref("excluded.number"),
        title: eb.ref("excluded.title"),
        body: eb.ref("excluded.body"),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

const SUMMARY_COLUMNS = [
  "number",
  "slug",
  "title",
  "status",
  "vote_opens_at as voteOpensAt",
  "vote_closes_at as voteClosesAt",
] as const;

export function listProposals(db: Kysely<Database>) {
  return db
    .selectFrom("proposal")
    .select([...SUMMARY_COLUMNS, "id", "result"])
    .orderBy("number")
    .execute();
}

export function findProposalBySlug(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom("proposal")
    .select([...SUMMARY_COLUMNS, "id", "body", "updated_at as updatedAt"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export async function countProposals(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom("proposal")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * French full-text search in the title and the official text, accent-insensitive (the
 * french_unaccent configuration and the stored, indexed proposal.search_vector); a title match
 * ranks first. websearch_to_tsquery never fails on user syntax ("quoted", -excluded, or).
 */
export function searchProposals(db: Kysely<Database>, terms: string, limit: number) {
  const query = sql`websearch_to_tsquery('french_unaccent', ${terms})`;
  return db
    .selectFrom("proposal")
    .select([
      "number",
      "slug",
      "status",
      sql<string>`ts_headline('french_unaccent', title, ${query}, ${HEADLINE_WHOLE})`.as("title"),
      sql<string>`ts_headline('french_unaccent', body, ${query}, ${HEADLINE_FRAGMENTS})`.as("excerpt"),
    ])
    .where(sql<boolean>`search_vector @@ ${query}`)
    .orderBy(sql`ts_rank(search_vector, ${query})`, "desc")
    .orderBy("number")
    .limit(limit)
    .execute();
}
