import { type Kysely, sql } from "kysely";

/**
 * Deliberation: comments in the name of an organisation, every version of each
 * comment, supports (one per organisation and comment), the live event log that
 * SSE clients replay after a reconnect, follows and notification settings.
 * Search uses the `french` stemmer behind `unaccent` (configuration french_unaccent).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create text search configuration french_unaccent (copy = french)`.execute(db);
  await sql`alter text search configuration french_unaccent
            alter mapping for hword, hword_part, word with unaccent, french_stem`.execute(db);
  await db.schema
    .alterTable("proposal")
    .addColumn("thread_locked_at", "timestamptz")
    .addColumn("thread_locked_reason", "text", (col) => col.check(sql`length(thread_locked_reason) <= 500`))
    .execute();
  await createComments(db);
  await createSupportsAndEvents(db);
  await createNotifications(db);
}

async function createComments(db: Kysely<any>) {
  await db.schema
    .createTable("comment")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("proposal_id", "bigint", (col) => col.notNull().references("proposal.id"))
    .addColumn("parent_id", "bigint", (col) => col.references("comment.id"))
    .addColumn("root_id", "bigint", (col) => col.references("comment.id"))
    .addColumn("reply_to_id", "bigint", (col) => col.references("comment.id"))
    .addColumn("depth", "smallint", (col) => col.notNull().check(sql`depth between 1 and 3`))
    .addColumn("author_id", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("organisation_id", "bigint", (col) => col.notNull().references("organisation.id"))
    .addColumn("mandate_id", "bigint", (col) => col.notNull().references("mandate.id"))
    .addColumn("stance", "text", (col) => col.check(sql`stance in ('pour', 'contre', 'nuance', 'question')`))
    .addColumn("body", "text", (col) => col.notNull().check(sql`length(body) between 1 and 5000`))
    .addColumn("idempotency_key", "text", (col) => col.notNull().check(sql`length(idempotency_key) between 8 and 64`))
    .addColumn("support_count", "integer", (col) => col.notNull().defaultTo(0).check(sql`support_count >= 0`))
    .addColumn("version", "integer", (col) => col.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    .addColumn("deleted_at", "timestamptz")
    .addColumn("search_vector", sql`tsvector`, (col) =>
      col.generatedAlwaysAs(sql`to_tsvector('french_unaccent'::regconfig, body)`).stored(),
    )
    // Top-level comments carry a stance and have no parent; replies have a parent and a root, and no stance.
    .addCheckConstraint(
      "comment_shape",
      sql`(depth = 1 and parent_id is null and root_id is null and stance is not null)
          or (depth > 1 and parent_id is not null and root_id is not null and stance is null)`,
    )
    // A double submit (double click, retry) carries the same key: one comment.
    .addUniqueConstraint("comment_idempotency", ["author_id", "idempotency_key"])
    .execute();
  await sql`create index comment_top_recent_idx on comment (proposal_id, id desc) where depth = 1`.execute(db);
  await sql`create index comment_top_support_idx on comment (proposal_id, support_count desc, id desc)
            where depth = 1`.execute(db);
  await db.schema.createIndex("comment_root_idx").on("comment").columns(["root_id", "id"]).execute();
  await db.schema.createIndex("comment_author_recent_idx").on("comment").columns(["author_id", "created_at"]).execute();
  await sql`create index comment_search_idx on comment using gin (search_vector)`.execute(db);

  await db.schema
    .createTable("comment_version")
    .addColumn("comment_id", "bigint", (col) => col.notNull().references("comment.id"))
    .addColumn("version", "integer", (col) => col.notNull().check(sql`version >= 1`))
    .addColumn("body", "text", (col) => col.notNull().check(sql`length(body) between 1 and 5000`))
    .addColumn("editor_id", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("comment_version_pk", ["comment_id", "version"])
    .execute();

  await db.schema
    .createTable("comment_mention")
    .addColumn("comment_id", "bigint", (col) => col.notNull().references("comment.id"))
    .addColumn("organisation_id", "bigint", (col) => col.notNull().references("organisation.id"))
    .addPrimaryKeyConstraint("comment_mention_pk", ["comment_id", "organisation_id"])
    .execute();
}

async function createSupportsAndEvents(db: Kysely<any>) {
  await db.schema
    .createTable("comment_support")
    .addColumn("comment_id", "bigint", (col) => col.notNull().references("comment.id"))
    .addColumn("organisation_id", "bigint", (col) => col.notNull().references("organisation.id"))
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    // Once per organisation per comment: a constraint, not an if.
    .addPrimaryKeyConstraint("comment_support_pk", ["comment_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("live_event")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("proposal_id", "bigint", (col) => col.notNull().references("proposal.id"))
    .addColumn("kind", "text", (col) =>
      col.notNull().check(sql`kind in ('comment_created', 'comment_edited', 'comment_deleted', 'comment_supported')`),
    )
    .addColumn("comment_id", "bigint", (col) => col.notNull().references("comment.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("live_event_proposal_idx").on("live_event").columns(["proposal_id", "id"]).execute();
}

async function createNotifications(db: Kysely<any>) {
  await db.schema
    .createTable("proposal_follow")
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("proposal_id", "bigint", (col) => col.notNull().references("proposal.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("proposal_follow_pk", ["user_id", "proposal_id"])
    .execute();

  await db.schema
    .createTable("notification_setting")
    .addColumn("user_id", "bigint", (col) => col.primaryKey().references("app_user.id").onDelete("cascade"))
    .addColumn("frequency", "text", (col) => col.notNull().check(sql`frequency in ('immediate', 'daily', 'off')`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("pending_notification")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("comment_id", "bigint", (col) => col.notNull().references("comment.id"))
    .addColumn("reason", "text", (col) => col.notNull().check(sql`reason in ('reply', 'mention', 'followed')`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addUniqueConstraint("pending_notification_once", ["user_id", "comment_id"])
    .execute();
  await sql`create index pending_notification_due_idx on pending_notification (user_id, created_at)
            where sent_at is null`.execute(db);

  // Keys for signed links (one-click unsubscribe); created by the application on first use.
  await db.schema
    .createTable("signing_key")
    .addColumn("name", "text", (col) => col.primaryKey())
    .addColumn("key", "bytea", (col) => col.notNull().check(sql`length(key) >= 32`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "signing_key",
    "pending_notification",
    "notification_setting",
    "proposal_follow",
    "live_event",
    "comment_support",
    "comment_mention",
    "comment_version",
    "comment",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("proposal").dropColumn("thread_locked_at").dropColumn("thread_locked_reason").execute();
  await sql`drop text search configuration if exists french_unaccent`.execute(db);
}
