import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { ProposalStatus } from "../../domain/proposals.js";
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
