import { type Kysely, sql } from "kysely";

/**
 * Vote rules and results on proposals, the per-proposal secret salt, ballots
 * (current, one per proposal and organisation), their append-only history, the
 * hash-chained audit journal and the record of reminder emails.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addVoteRules(db);
  await createBallots(db);
  await createAuditChain(db);
  await forbidChanges(db, ["ballot_event", "audit_event"]);
}

async function addVoteRules(db: Kysely<any>) {
  await db.schema
    .alterTable("proposal")
    .addColumn("quorum_fraction", "numeric(5, 4)", (col) =>
      col.notNull().defaultTo("0.5").check(sql`quorum_fraction > 0 and quorum_fraction <= 1`),
    )
    .addColumn("quorum_count", "integer", (col) => col.check(sql`quorum_count > 0`))
    .addColumn("adoption_rule", "text", (col) =>
      col
        .notNull()
        .defaultTo("majorite_exprimes")
        .check(sql`adoption_rule in ('majorite_exprimes', 'majorite_absolue', 'deux_tiers_exprimes')`),
    )
    .addColumn("show_running_tally", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("result", "text", (col) => col.check(sql`result in ('adoptee', 'rejetee', 'quorum_non_atteint')`))
    .addColumn("result_at", "timestamptz")
    .execute();
  await sql`alter table proposal add constraint proposal_result_only_when_closed
            check (result is null or status = 'clos')`.execute(db);

  // Kept apart from proposal so that no listing query can leak it before closing.
  await db.schema
    .createTable("proposal_secret")
    .addColumn("proposal_id", "bigint", (col) => col.primaryKey().references("proposal.id"))
    .addColumn("salt", "bytea", (col) => col.notNull().check(sql`length(salt) = 32`))
    .addColumn("revealed_at", "timestamptz")
    .execute();
}

async function createBallots(db: Kysely<any>) {
  const choice = sql`choice in ('pour', 'contre', 'abstention')`;
  await db.schema
    .createTable("ballot_event")
    // "by default": the service reserves the id first, because the id is part of the hashed commitment.
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("proposal_id", "bigint", (col) => col.notNull().references("proposal.id"))
    .addColumn("organisation_id", "bigint", (col) => col.notNull().references("organisation.id"))
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("action", "text", (col) => col.notNull().check(sql`action in ('cast', 'change')`))
    .addColumn("choice", "text", (col) => col.notNull().check(choice))
    .addColumn("reason", "text", (col) => col.notNull().defaultTo("").check(sql`length(reason) <= 2000`))
    .addColumn("receipt", "text", (col) => col.notNull().unique())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("ballot_event_proposal_org_idx")
    .on("ballot_event")
    .columns(["proposal_id", "organisation_id", "id"])
    .execute();

  await db.schema
    .createTable("ballot")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("proposal_id", "bigint", (col) => col.notNull().references("proposal.id"))
    .addColumn("organisation_id", "bigint", (col) => col.notNull().references("organisation.id"))
    .addColumn("choice", "text", (col) => col.notNull().check(choice))
    .addColumn("reason", "text", (col) => col.notNull().defaultTo("").check(sql`length(reason) <= 2000`))
    .addColumn("cast_by", "bigint", (col) => col.notNull().references("app_user.id"))
    .addColumn("last_event_id", "bigint", (col) => col.notNull().references("ballot_event.id"))
    .addColumn("receipt", "text", (col) => col.notNull())
    .addColumn("first_cast_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("ballot_one_per_organisation", ["proposal_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("vote_reminder")
    .addColumn("proposal_id", "bigint", (col) => col.notNull().references("proposal.id"))
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("hours_before", "integer", (col) => col.notNull().check(sql`hours_before in (24, 48)`))
    .addColumn("sent_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("vote_reminder_pk", ["proposal_id", "user_id", "hours_before"])
    .execute();
}

async function createAuditChain(db: Kysely<any>) {
  await db.schema
    .createTable("audit_event")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    // UNIQUE: two appends racing past the advisory lock could not both extend the same head.
    .addColumn("prev_hash", "text", (col) => col.notNull().unique().check(sql`prev_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn("hash", "text", (col) => col.notNull().unique().check(sql`hash ~ '^[0-9a-f]{64}$'`))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("proposal_id", "bigint", (col) => col.references("proposal.id"))
    .addColumn("payload", "jsonb", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("audit_event_proposal_idx").on("audit_event").columns(["proposal_id", "id"]).execute();
}

/** Append-only tables: the application never updates or deletes; a trigger makes it a rule. */
async function forbidChanges(db: Kysely<any>, tables: string[]) {
  await sql`create function forbid_changes() returns trigger language plpgsql as $$
            begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
  for (const table of tables) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
              for each row execute function forbid_changes()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_event", "vote_reminder", "ballot", "ballot_event", "proposal_secret"]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function forbid_changes()`.execute(db);
  await sql`alter table proposal drop constraint proposal_result_only_when_closed`.execute(db);
  for (const column of [
    "quorum_fraction",
    "quorum_count",
    "adoption_rule",
    "show_running_tally",
    "result",
    "result_at",
  ]) {
    await db.schema.alterTable("proposal").dropColumn(column).execute();
  }
}
