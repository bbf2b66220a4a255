import { parse } from "csv-parse/sync";
import { z } from "zod";

/** One organisation as described in an import CSV (seed or administrator upload). */
export interface OrganisationRecord {
  slug: string;
  name: string;
  kindSlug: string;
  collegeSlug: string;
  description: string;
  website: string | null;
  isDemo: boolean;
}

export class CsvImportError extends Error {
  override name = "CsvImportError";
}

const EXPECTED_COLUMNS = ["slug", "name", "kind", "college", "description", "website", "demo"] as const;

const rowSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "l'identifiant (slug) ne contient que a-z, 0-9 et des tirets")
    .max(60, "l'identifiant (slug) fait au plus 60 caractères"),
  name: z.string().trim().min(2, "le nom est trop court").max(160, "le nom fait au plus 160 caractères"),
  kind: z.string().trim().min(1, "le type est obligatoire"),
  college: z.string().trim().min(1, "le collège est obligatoire"),
  description: z.string().trim().max(500, "la description fait au plus 500 caractères"),
  website: z
    .string()
    .trim()
    .refine((value) => value === "" || /^https?:\/\/\S+$/.test(value), "le site web doit commencer par http(s)://"),
  demo: z.enum(["true", "false", ""], { error: "la colonne demo vaut true ou false" }),
});

/** Parses and validates; errors name the line (counting the header as line 1). */
export function parseOrganisationsCsv(text: string): OrganisationRecord[] {
  const rows = parseRows(text);
  const records = rows.map((row, index) => toRecord(row, index + 2));
  assertUniqueSlugs(records);
  return records;
}

function parseRows(text: string): Record<string, string>[] {
  try {
    const rows: Record<string, string>[] = parse(text, {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
    });
    const header = Object.keys(rows[0] ?? {});
    const missing = EXPECTED_COLUMNS.filter((column) => !header.includes(column));
    if (rows.length > 0 && missing.length > 0) {
      throw new CsvImportError(`Colonnes manquantes dans le CSV : ${missing.join(", ")}.`);
    }
    return rows;
  } catch (error) {
    if (error instanceof CsvImportError) throw error;
    throw new CsvImportError(`CSV illisible : ${(error as Error).message}`);
  }
}

function toRecord(row: Record<string, string>, line: number): OrganisationRecord {
  const parsed = rowSchema.safeParse(row);
  if (!parsed.success) {
    throw new CsvImportError(`Ligne ${line} : ${parsed.error.issues[0]?.message ?? "valeur invalide"}.`);
  }
  const value = parsed.data;
  return {
    slug: value.slug,
    name: value.name,
    kindSlug: value.kind,
    collegeSlug: value.college,
    description: value.description,
    website: value.website === "" ? null : value.website,
    isDemo: value.demo === "true",
  };
}

function assertUniqueSlugs(records: OrganisationRecord[]): void {
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    if (seen.has(record.slug)) {
      throw new CsvImportError(`Ligne ${index + 2} : l'identifiant « ${record.slug} » apparaît deux fois.`);
    }
    seen.add(record.slug);
  }
}
