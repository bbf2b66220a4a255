import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export function findLatestSynthesis(db: Kysely<Database>, proposalId: string, publishedOnly: boolean) {
  let query = db
    .selectFrom("synthesis_version")
    .select(["version", "body", "published_at as publishedAt", "created_at as createdAt"])
    .where("proposal_id", "=", proposalId);
  if (publishedOnly) query = query.where("published_at", "is not", null);
  return query.orderBy("version", "desc").limit(1).executeTakeFirst();
}

/** Versions are kept: each save is a new row, numbered under the proposal row's lock. */
export async function insertSynthesisVersion(
  db: Kysely<Database>,
  input: { proposalId: string; authorId: string; body: string },
): Promise<number> {
  const row = await db
    .insertInto("synthesis_version")
    .values((eb) => ({
      proposal_id: input.proposalId,
      version: eb
        .selectFrom("synthesis_version")
        .select(sql<number>`coalesce(max(version), 0) + 1`.as("next"))
        .where("proposal_id", "=", input.proposalId),
      body: input.body,
      author_id: input.authorId,
      published_at: sql`now()`,
    }))
    .returning("version")
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Key arguments: pinned, neither hidden nor deleted (the body is public then). */
export function listKeyArguments(db: Kysely<Database>, proposalId?: string) {
  let query = db
    .selectFrom("comment as c")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("proposal as p", "p.id", "c.proposal_id")
    .select([
      "c.id",
      "c.root_id as rootId",
      "c.stance",
      "c.body",
      "c.proposal_id as proposalId",
      "o.name as organisationName",
      "p.slug as proposalSlug",
    ])
    .where("c.pinned_at", "is not", null)
    .where("c.hidden_at", "is", null)
    .where("c.deleted_at", "is", null);
  if (proposalId) query = query.where("c.proposal_id", "=", proposalId);
  return query.orderBy("c.pinned_at").execute();
}

export type KeyArgumentRow = Awaited<ReturnType<typeof listKeyArguments>>[number];
