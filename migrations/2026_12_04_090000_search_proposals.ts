import { type Kysely, sql } from "kysely";

/**
 * Search across the site: each proposal's title (weight A) and official text (weight B) in a
 * stored French full-text vector, accent-insensitive like the comments' (french_unaccent),
 * with its GIN index. Organisations (a few dozen rows) are matched without an index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("proposal")
    .addColumn("search_vector", sql`tsvector`, (col) =>
      col
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('french_unaccent'::regconfig, title), 'A')
              || setweight(to_tsvector('french_unaccent'::regconfig, body), 'B')`,
        )
        .stored(),
    )
    .execute();
  await sql`create index proposal_search_idx on proposal using gin (search_vector)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index proposal_search_idx`.execute(db);
  await db.schema.alterTable("proposal").dropColumn("search_vector").execute();
}
