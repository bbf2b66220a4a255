import { type Kysely, sql } from "kysely";

/**
 * Emails are written when they are sent: a queued email keeps the name and parameters of its
 * template and the language to write it in; subject and body are filled in by the delivery
 * (rows queued before this migration keep the text they were queued with).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("email_outbox")
    .addColumn("template", "jsonb")
    .addColumn("lang", "text", (col) => col.notNull().defaultTo("fr"))
    .execute();
  await sql`alter table email_outbox add constraint email_outbox_template_named
            check (template is null or template ? 'name')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("email_outbox").dropConstraint("email_outbox_template_named").execute();
  await db.schema.alterTable("email_outbox").dropColumn("template").dropColumn("lang").execute();
}
