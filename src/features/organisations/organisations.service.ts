import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { DomainError } from "../../domain/errors.js";
import { recordAdminAction } from "../admin/index.js";
import { CsvImportError, type OrganisationRecord, parseOrganisationsCsv } from "./organisations.csv.js";
import { upsertOrganisations } from "./organisations.queries.js";

/** What an administrator types for one organisation: the same shape as one CSV line. */
export type OrganisationInput = OrganisationRecord;

export type OrganisationField = "slug" | "name" | "kind" | "college" | "csv";

/** A refusal tied to one form field, so the route can show it beside that field. */
const refusal = (code: string, field: OrganisationField, params?: Record<string, string | number>) =>
  new DomainError(`organisations.${code}`, { field, ...(params ? { params } : {}) });

export interface OrganisationChoices {
  kinds: { slug: string; label: string }[];
  colleges: { slug: string; name: string }[];
}

export async function listOrganisationChoices(db: Kysely<Database>): Promise<OrganisationChoices> {
  const [kinds, colleges] = await Promise.all([
    db.selectFrom("organisation_kind").select(["slug", "label"]).orderBy("position").execute(),
    db.selectFrom("college").select(["slug", "name"]).orderBy("position").execute(),
  ]);
  return { kinds, colleges };
}

export async function findOrganisationForEdit(
  db: Kysely<Database>,
  slug: string,
): Promise<OrganisationInput | undefined> {
  const row = await db
    .selectFrom("organisation")
    .select(["slug", "name", "kind_slug", "college_slug", "description", "website", "is_demo"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row && toInput(row);
}

export async function createOrganisation(
  db: Kysely<Database>,
  actorId: string,
  input: OrganisationInput,
): Promise<{ slug: string }> {
  return db.transaction().execute(async (trx) => {
    await assertReferencesExist(trx, input);
    const row = await trx
      .insertInto("organisation")
      .values(toColumns(input))
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch(translateUniqueViolation);
    await recordAdminAction(trx, {
      actorId,
      action: "organisation.create",
      targetType: "organisation",
      targetId: row.id,
      details: { ...input },
    });
    return { slug: input.slug };
  });
}

export async function updateOrganisation(
  db: Kysely<Database>,
  actorId: string,
  slug: string,
  input: OrganisationInput,
): Promise<{ slug: string }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("organisation")
      .select(["id", "slug", "name", "kind_slug", "college_slug", "description", "website", "is_demo"])
      .where("slug", "=", slug)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new DomainError("organisations.not_found");
    await assertReferencesExist(trx, input);
    await trx
      .updateTable("organisation")
      .set({ ...toColumns(input), updated_at: sql`now()` })
      .where("id", "=", before.id)
      .execute()
      .catch(translateUniqueViolation);
    await recordAdminAction(trx, {
      actorId,
      action: "organisation.update",
      targetType: "organisation",
      targetId: before.id,
      details: { slug, changes: changedFields(toInput(before), input) },
    });
    return { slug: input.slug };
  });
}

/** All or nothing: one transaction, so a single bad line leaves the table untouched. */
export async function importOrganisationsCsv(
  db: Kysely<Database>,
  actorId: string,
  csvText: string,
): Promise<{ created: number; updated: number }> {
  const records = parseCsvOrRefuse(csvText);
  return db.transaction().execute(async (trx) => {
    await assertRecordsReferencesExist(trx, records);
    await assertNamesFree(trx, records);
    const existing = await existingSlugs(
      trx,
      records.map((record) => record.slug),
    );
    await upsertOrganisations(trx, records).catch(translateUniqueViolation);
    const updated = records.filter((record) => existing.has(record.slug)).map((record) => record.slug);
    const created = records.filter((record) => !existing.has(record.slug)).map((record) => record.slug);
    await recordAdminAction(trx, {
      actorId,
      action: "organisation.import",
      targetType: "organisation",
      targetId: "csv",
      details: { created, updated },
    });
    return { created: created.length, updated: updated.length };
  });
}

function parseCsvOrRefuse(csvText: string): OrganisationRecord[] {
  let records: OrganisationRecord[];
  try {
    records = parseOrganisationsCsv(csvText);
  } catch (error) {
    if (error instanceof CsvImportError) throw refusal("csv_invalid", "csv", { detail: error.message });
    throw error;
  }
  if (records.length === 0) throw refusal("csv_empty", "csv");
  return records;
}

/** Lines are counted as parseOrganisationsCsv counts them: the header is line 1. */
const lineOf = (index: number) => index + 2;

async function assertRecordsReferencesExist(db: Kysely<Database>, records: OrganisationRecord[]) {
  const { kinds, colleges } = await listOrganisationChoices(db);
  const kindSlugs = new Set(kinds.map((kind) => kind.slug));
  const collegeSlugs = new Set(colleges.map((college) => college.slug));
  for (const [index, record] of records.entries()) {
    if (!kindSlugs.has(record.kindSlug)) {
      throw refusal("csv_line_unknown_kind", "csv", { line: lineOf(index), value: record.kindSlug });
    }
    if (!collegeSlugs.has(record.collegeSlug)) {
      throw refusal("csv_line_unknown_college", "csv", { line: lineOf(index), value: record.collegeSlug });
    }
  }
}

/** Names are unique too: report the line rather than a bare constraint violation. */
async function assertNamesFree(db: Kysely<Database>, records: OrganisationRecord[]) {
  const owners = await db
    .selectFrom("organisation")
    .select(["slug", "name"])
    .where(
      "name",
      "in",
      records.map((record) => record.name),
    )
    .execute();
  const ownerOf = new Map(owners.map((owner) => [owner.name, owner.slug]));
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    if (seen.has(record.name))
      throw refusal("csv_line_name_repeated", "csv", { line: lineOf(index), value: record.name });
    seen.add(record.name);
    const owner = ownerOf.get(record.name);
    if (owner !== undefined && owner !== record.slug) {
      throw refusal("csv_line_name_taken", "csv", { line: lineOf(index), value: record.name, owner });
    }
  }
}

async function existingSlugs(db: Kysely<Database>, slugs: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom("organisation").select("slug").where("slug", "in", slugs).execute();
  return new Set(rows.map((row) => row.slug));
}

async function assertReferencesExist(db: Kysely<Database>, input: OrganisationInput) {
  const kind = await db
    .selectFrom("organisation_kind")
    .select("slug")
    .where("slug", "=", input.kindSlug)
    .executeTakeFirst();
  if (!kind) throw refusal("unknown_kind", "kind");
  const college = await db
    .selectFrom("college")
    .select("slug")
    .where("slug", "=", input.collegeSlug)
    .executeTakeFirst();
  if (!college) throw refusal("unknown_college", "college");
}

const UNIQUE_CONSTRAINTS: Record<string, { field: OrganisationField; code: string }> = {
  organisation_slug_key: { field: "slug", code: "slug_taken" },
  organisation_name_key: { field: "name", code: "name_taken" },
};

function translateUniqueViolation(error: unknown): never {
  const { code, constraint } = error as { code?: string; constraint?: string };
  const known = code === "23505" && constraint ? UNIQUE_CONSTRAINTS[constraint] : undefined;
  if (known) throw refusal(known.code, known.field);
  throw error;
}

function toColumns(input: OrganisationInput) {
  return {
    slug: input.slug,
    name: input.name,
    kind_slug: input.kindSlug,
    college_slug: input.collegeSlug,
    description: input.description,
    website: input.website,
    is_demo: input.isDemo,
  };
}

function toInput(row: {
  slug: string;
  name: string;
  kind_slug: string;
  college_slug: string;
  description: string;
  website: string | null;
  is_demo: boolean;
}): OrganisationInput {
  return {
    slug: row.slug,
    name: row.name,
    kindSlug: row.kind_slug,
    collegeSlug: row.college_slug,
    description: row.description,
    website: row.website,
    isDemo: row.is_demo,
  };
}

/** Only what changed goes into the record of the action, as [before, after] pairs. */
function changedFields(before: OrganisationInput, after: OrganisationInput) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof OrganisationInput)[]) {
    if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
  }
  return changes;
}
