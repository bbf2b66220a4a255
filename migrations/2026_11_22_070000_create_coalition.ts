import { type Kysely, sql } from "kysely";

/**
 * The coalition and its proposals. Kinds of organisations are a closed list
 * (the 21 kinds named by the coalition), so they live here as reference data;
 * colleges are our own grouping and are maintained by the seed.
 */
const KINDS: ReadonlyArray<readonly [string, string]> = [
  ["patients", "Patients"],
  ["citoyens-sans-medecin", "Citoyens sans médecin"],
  ["infirmiers", "Infirmiers"],
  ["urgentistes-hospitaliers", "Urgentistes hospitaliers"],
  ["medecins", "Médecins"],
  ["interprofessionnel", "Organisations interprofessionnelles"],
  ["ambulanciers", "Ambulanciers"],
  ["pompiers", "Pompiers"],
  ["internes", "Internes"],
  ["medecins-hospitaliers", "Médecins hospitaliers"],
  ["kinesitherapeutes", "Kinésithérapeutes"],
  ["etudiants-medecine", "Étudiants en médecine"],
  ["hopitaux-proximite", "Hôpitaux de proximité"],
  ["centres-sante", "Centres de santé"],
  ["pharmaciens", "Pharmaciens"],
  ["chirurgiens-dentistes", "Chirurgiens-dentistes"],
  ["sages-femmes", "Sages-femmes"],
  ["biologistes", "Biologistes"],
  ["orthophonistes", "Orthophonistes"],
  ["mutuelles", "Mutuelles"],
  ["elus", "Élus"],
];

const SLUG_CHECK = "~ '^[a-z0-9]+(-[a-z0-9]+)*$'";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("college")
    .addColumn("slug", "text", (col) => col.primaryKey().check(sql.raw(`slug ${SLUG_CHECK}`)))
    .addColumn("name", "text", (col) => col.notNull().unique().check(sql`length(name) between 1 and 120`))
    .addColumn("position", "integer", (col) => col.notNull().unique())
    .execute();

  await db.schema
    .createTable("organisation_kind")
    .addColumn("slug", "text", (col) => col.primaryKey().check(sql.raw(`slug ${SLUG_CHECK}`)))
    .addColumn("label", "text", (col) => col.notNull().unique())
    .addColumn("position", "integer", (col) => col.notNull().unique())
    .execute();

  await db
    .insertInto("organisation_kind")
    .values(KINDS.map(([slug, label], index) => ({ slug, label, position: index + 1 })))
    .execute();

  await db.schema
    .createTable("organisation")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (col) =>
      col
        .notNull()
        .unique()
        .check(sql.raw(`slug ${SLUG_CHECK} and length(slug) <= 60`)),
    )
    .addColumn("name", "text", (col) => col.notNull().unique().check(sql`length(name) between 2 and 160`))
    .addColumn("kind_slug", "text", (col) => col.notNull().references("organisation_kind.slug"))
    .addColumn("college_slug", "text", (col) => col.notNull().references("college.slug"))
    .addColumn("description", "text", (col) => col.notNull().defaultTo("").check(sql`length(description) <= 500`))
    .addColumn("website", "text", (col) => col.check(sql`website ~ '^https?://[^\\s]+$'`))
    .addColumn("is_demo", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("organisation_kind_slug_idx").on("organisation").column("kind_slug").execute();
  await db.schema.createIndex("organisation_college_slug_idx").on("organisation").column("college_slug").execute();

  await db.schema
    .createTable("proposal")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("number", "integer", (col) => col.notNull().unique().check(sql`number > 0`))
    .addColumn("slug", "text", (col) =>
      col
        .notNull()
        .unique()
        .check(sql.raw(`slug ${SLUG_CHECK} and length(slug) <= 60`)),
    )
    .addColumn("title", "text", (col) => col.notNull().check(sql`length(title) between 2 and 200`))
    .addColumn("body", "text", (col) => col.notNull().check(sql`length(body) between 1 and 20000`))
    .addColumn("status", "text", (col) =>
      col.notNull().defaultTo("brouillon").check(sql`status in ('brouillon', 'debat', 'vote_ouvert', 'clos')`),
    )
    .addColumn("vote_opens_at", "timestamptz")
    .addColumn("vote_closes_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "proposal_vote_window_ordered",
      sql`vote_opens_at is null or vote_closes_at is null or vote_closes_at > vote_opens_at`,
    )
    .addCheckConstraint(
      "proposal_open_vote_has_closing_time",
      sql`status <> 'vote_ouvert' or vote_closes_at is not null`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("proposal").execute();
  await db.schema.dropTable("organisation").execute();
  await db.schema.dropTable("organisation_kind").execute();
  await db.schema.dropTable("college").execute();
}
