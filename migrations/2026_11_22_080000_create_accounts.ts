import { type Kysely, sql } from "kysely";

/**
 * People, roles, mandates, sessions (Lucia design), invitations, password
 * resets, 2FA recovery codes, sign-in throttling, the email outbox and the
 * record of administrative actions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createPeople(db);
  await createCredentials(db);
  await createOperations(db);
}

async function createPeople(db: Kysely<any>) {
  await db.schema
    .createTable("app_user")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("email", "text", (col) =>
      col
        .notNull()
        .unique()
        .check(sql`email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 254`),
    )
    .addColumn("display_name", "text", (col) => col.notNull().check(sql`length(display_name) between 2 and 120`))
    .addColumn("role", "text", (col) =>
      col.notNull().check(sql`role in ('administrator', 'moderator', 'representative')`),
    )
    .addColumn("status", "text", (col) =>
      col.notNull().defaultTo("active").check(sql`status in ('active', 'suspended')`),
    )
    .addColumn("password_hash", "text", (col) => col.notNull())
    .addColumn("password_changed_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("totp_key", "bytea")
    .addColumn("totp_enabled_at", "timestamptz")
    .addColumn("is_demo", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("app_user_totp_enabled_has_key", sql`totp_enabled_at is null or totp_key is not null`)
    .execute();

  await db.schema
    .createTable("mandate")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("organisation_id", "bigint", (col) => col.notNull().references("organisation.id"))
    .addColumn("starts_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("ends_at", "timestamptz")
    .addColumn("note", "text", (col) => col.notNull().defaultTo("").check(sql`length(note) <= 500`))
    .addColumn("created_by", "bigint", (col) => col.references("app_user.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("mandate_ends_after_start", sql`ends_at is null or ends_at >= starts_at`)
    .execute();
  // A person represents at most one organisation at a time: one open mandate each.
  await sql`create unique index mandate_one_open_per_user on mandate (user_id) where ends_at is null`.execute(db);
  await db.schema.createIndex("mandate_organisation_idx").on("mandate").column("organisation_id").execute();
}

async function createCredentials(db: Kysely<any>) {
  await db.schema
    .createTable("user_session")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("secret_hash", "bytea", (col) => col.notNull())
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("two_factor_verified", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("ip", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("user_agent", "text", (col) => col.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("user_session_user_idx").on("user_session").column("user_id").execute();

  await db.schema
    .createTable("invitation")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("email", "text", (col) => col.notNull().check(sql`email = lower(email)`))
    .addColumn("role", "text", (col) =>
      col.notNull().check(sql`role in ('administrator', 'moderator', 'representative')`),
    )
    .addColumn("organisation_id", "bigint", (col) => col.references("organisation.id"))
    .addColumn("mandate_note", "text", (col) => col.notNull().defaultTo("").check(sql`length(mandate_note) <= 500`))
    .addColumn("token_hash", "bytea", (col) => col.notNull().unique())
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("created_by", "bigint", (col) => col.references("app_user.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("accepted_at", "timestamptz")
    .addColumn("accepted_user_id", "bigint", (col) => col.references("app_user.id"))
    .addColumn("revoked_at", "timestamptz")
    .addCheckConstraint(
      "invitation_representative_has_organisation",
      sql`role <> 'representative' or organisation_id is not null`,
    )
    .execute();
  await sql`create unique index invitation_one_pending_per_email on invitation (email)
            where accepted_at is null and revoked_at is null`.execute(db);

  await db.schema
    .createTable("password_reset")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("token_hash", "bytea", (col) => col.notNull().unique())
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("used_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("recovery_code")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "bigint", (col) => col.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("code_hash", "bytea", (col) => col.notNull())
    .addColumn("used_at", "timestamptz")
    .addUniqueConstraint("recovery_code_unique_per_user", ["user_id", "code_hash"])
    .execute();
}

async function createOperations(db: Kysely<any>) {
  await db.schema
    .createTable("auth_throttle")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("failures", "integer", (col) => col.notNull().defaultTo(0).check(sql`failures >= 0`))
    .addColumn("last_failure_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("blocked_until", "timestamptz")
    .execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("recipient", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("body_text", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("next_attempt_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "timestamptz")
    .addColumn("failed_at", "timestamptz")
    .execute();
  await sql`create index email_outbox_pending_idx on email_outbox (next_attempt_at)
            where sent_at is null and failed_at is null`.execute(db);
  await db.schema
    .createIndex("email_outbox_recipient_idx")
    .on("email_outbox")
    .columns(["recipient", "kind", "created_at"])
    .execute();

  await db.schema
    .createTable("admin_action")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("actor_id", "bigint", (col) => col.references("app_user.id"))
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("target_type", "text", (col) => col.notNull())
    .addColumn("target_id", "text", (col) => col.notNull())
    .addColumn("details", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("admin_action_created_idx").on("admin_action").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "admin_action",
    "email_outbox",
    "auth_throttle",
    "recovery_code",
    "password_reset",
    "invitation",
    "user_session",
    "mandate",
    "app_user",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
