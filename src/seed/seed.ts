import { readFile } from "node:fs/promises";
import type { Kysely } from "kysely";
import type { CollegeTable, Database } from "../db/database.js";
import { parseOrganisationsCsv, upsertColleges, upsertOrganisations } from "../features/organisations/index.js";
import { countProposals, parseOfficialProposals, upsertOfficialProposals } from "../features/proposals/index.js";

/** Colleges used to break results down; our own grouping, edit freely. */
export const COLLEGES: CollegeTable[] = [
  { slug: "usagers", name: "Usagers", position: 1 },
  { slug: "professionnels", name: "Professionnels de santé", position: 2 },
  { slug: "etudiants", name: "Étudiants et internes", position: 3 },
  { slug: "etablissements", name: "Établissements et secours", position: 4 },
  { slug: "financeurs-elus", name: "Financeurs et élus", position: 5 },
];

const dataFile = (name: string) => readFile(new URL(name, import.meta.url), "utf8");

export async function loadSeedData() {
  const [csv, markdown] = await Promise.all([dataFile("organisations.csv"), dataFile("acces-aux-soins.md")]);
  return { organisations: parseOrganisationsCsv(csv), proposals: parseOfficialProposals(markdown) };
}

/** Idempotent: running it twice leaves the same rows; proposal statuses are never reset. */
export async function seedCoalition(db: Kysely<Database>): Promise<{ organisations: number; proposals: number }> {
  const data = await loadSeedData();
  await db.transaction().execute(async (trx) => {
    await upsertColleges(trx, COLLEGES);
    await upsertOrganisations(trx, data.organisations);
    await upsertOfficialProposals(trx, data.proposals, "debat");
  });
  return { organisations: data.organisations.length, proposals: data.proposals.length };
}

export async function isUnseeded(db: Kysely<Database>): Promise<boolean> {
  return (await countProposals(db)) === 0;
}
