import { describe, expect, it } from "vitest";
import { CsvImportError, parseOrganisationsCsv } from "../../src/features/organisations/organisations.csv.js";
import { parseOfficialProposals } from "../../src/features/proposals/proposals.text.js";
import { COLLEGES, loadSeedData } from "../../src/seed/seed.js";

const ALL_KINDS = [
  "patients", "citoyens-sans-medecin", "infirmiers", "urgentistes-hospitaliers", "medecins", "interprofessionnel",
  "ambulanciers", "pompiers", "internes", "medecins-hospitaliers", "kinesitherapeutes", "etudiants-medecine",
  "hopitaux-proximite", "centres-sante", "pharmaciens", "chirurgiens-dentistes", "sages-femmes", "biologistes",
  "orthophonistes", "mutuelles", "elus",
]; // biome-ignore format: one list

describe("seed data kept in the repository", async () => {
  const { organisations, proposals } = await loadSeedData();

  it("has 35 organisations covering all 21 kinds", () => {
    expect(organisations).toHaveLength(35);
    expect(new Set(organisations.map((o) => o.kindSlug))).toEqual(new Set(ALL_KINDS));
  });

  it("names only the APVF for real and flags every other organisation as demo data", () => {
    const real = organisations.filter((o) => !o.isDemo);
    expect(real.map((o) => o.name)).toEqual(["Association des petites villes de France (APVF)"]);
  });

  it("puts every organisation in a known college", () => {
    const colleges = new Set(COLLEGES.map((c) => c.slug));
    for (const organisation of organisations) expect(colleges).toContain(organisation.collegeSlug);
  });

  it("carries the four official proposals with their slugs and full text", () => {
    expect(proposals.map((p) => [p.number, p.slug])).toEqual([
      [1, "stages"],
      [2, "escap"],
      [3, "guichet-unique"],
      [4, "exercice-mixte"],
    ]);
    expect(proposals[1]?.title).toBe("ESCAP");
    expect(proposals[1]?.body).toContain("équipes de soins coordonnées autour du patient");
    expect(proposals[1]?.body).not.toContain("\n");
    expect(proposals[3]?.body).toMatch(/Développer le partage de\s+compétences entre professionnels de santé\.$/);
  });
});

describe("parseOrganisationsCsv", () => {
  const header = "slug,name,kind,college,description,website,demo";

  it("names the faulty line", () => {
    const csv = `${header}\nok,Organisation valide,medecins,professionnels,,,true\nMauvais Slug,X Y,medecins,professionnels,,,true\n`;
    expect(() => parseOrganisationsCsv(csv)).toThrow(/Ligne 3 : l'identifiant \(slug\)/);
  });

  it("refuses duplicate slugs and missing columns", () => {
    const duplicate = `${header}\na,Première,medecins,professionnels,,,true\na,Seconde,medecins,professionnels,,,true\n`;
    expect(() => parseOrganisationsCsv(duplicate)).toThrow(/apparaît deux fois/);
    expect(() => parseOrganisationsCsv("slug,name\na,Nom\n")).toThrow(CsvImportError);
  });

  it("accepts quoted fields with commas and a BOM", () => {
    const csv = `\uFEFF${header}\nx,"Nom, avec virgule",medecins,professionnels,"Décrit, ici",https://exemple.fr,false\n`;
    expect(parseOrganisationsCsv(csv)[0]).toMatchObject({
      name: "Nom, avec virgule",
      website: "https://exemple.fr",
      isDemo: false,
    });
  });
});

describe("parseOfficialProposals", () => {
  it("ignores sections that are not proposals", () => {
    const markdown =
      "## Context\ntext\n### Proposition n°7 — Titre (slug: `sept`)\nLigne un\nligne deux.\n\nSecond paragraphe.\n## Fin\nautre";
    expect(parseOfficialProposals(markdown)).toEqual([
      { number: 7, slug: "sept", title: "Titre", body: "Ligne un ligne deux.\n\nSecond paragraphe." },
    ]);
  });
});
