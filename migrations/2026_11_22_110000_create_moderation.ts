import { type Kysely, sql } from "kysely";

/**
 * Moderation: reports (once per person per comment), hiding with a charter rule,
 * pinned key arguments, the internal record of who acted (the public journal is
 * the audit chain, where moderators appear by role), and versioned syntheses.
 */
const RULES = sql`('hors-sujet', 'insultes', 'donnees-personnelles', 'desinformation', 'autre')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("comment")
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_rule", "text", (col) => col.check(sql`hidden_rule in ${RULES}`))
    .addColumn("hidden_reason", "text", (col) => col.check(sql`length(hidden_reason) between 1 and 1000`))
    .addColumn("pinned_at", "timestamptz")
    .execute();
  // Hidden means: a date, a rule and a reason, all three or none.
  await sql`alter table comment add constraint comment_hidden_shape check (
    (hidden_at is null and hidden_rule is null and hidden_reason is null)
    or (hidden_at is not null and hidden_rule is not null and hidden_reason is not null))`.execute(db);
  await sql`create index comment_pinned_idx on comment (proposal_id) where pinned_at is not null`.execute(db);

  await db.schema
    .createTable("moderation_report")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("comment_id", "bigint", (col) => col.notNull().references("comment.id"))
    .addColumn("reporter_id", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("rule", "text", (col) => col.notNull().check(sql`rule in ${RULES}`))
    .addColumn("note", "text", (col) => col.notNull().defaultTo("").check(sql`length(note) <= 1000`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("closed_at", "timestamptz")
    // Once per person per comment: a second report is the same report.
    .addUniqueConstraint("moderation_report_once", ["comment_id", "reporter_id"])
    .execute();
  await sql`create index moderation_report_open_idx on moderation_report (created_at) where closed_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("moderation_action")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("actor_id", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("target_type", "text", (col) =>
      col.notNull().check(sql`target_type in ('comment', 'proposal', 'app_user', 'synthesis')`),
    )
    .addColumn("target_id", "bigint", (col) => col.notNull())
    .addColumn("audit_event_id", "bigint", (col) => col.notNull().unique().references("audit_event.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("synthesis_version")
    .addColumn("proposal_id", "bigint", (col) => col.notNull().references("proposal.id"))
    .addColumn("version", "integer", (col) => col.notNull().check(sql`version >= 1`))
    .addColumn("body", "text", (col) => col.notNull().check(sql`length(body) between 1 and 20000`))
    .addColumn("author_id", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addPrimaryKeyConstraint("synthesis_version_pk", ["proposal_id", "version"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("synthesis_version").execute();
  await db.schema.dropTable("moderation_action").execute();
  await db.schema.dropTable("moderation_report").execute();
  await sql`drop index comment_pinned_idx`.execute(db);
  await sql`alter table comment drop constraint comment_hidden_shape`.execute(db);
  await db.schema
    .alterTable("comment")
    .dropColumn("hidden_at")
    .dropColumn("hidden_rule")
    .dropColumn("hidden_reason")
    .dropColumn("pinned_at")
    .execute();
}
