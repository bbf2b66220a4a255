import { readFile } from "node:fs/promises";
import type { ChainExport } from "../features/ballots/export-format.js";
import { verifyExport } from "../features/ballots/verify.js";

/**
 * npm run verify -- <file | URL>
 * Recomputes the audit chain and every tally from the public export. Exit 0 when
 * everything matches, 1 naming the first bad event, 2 when the export cannot be read.
 * A site address without a path reads <site>/journal.json.
 */
async function main(): Promise<number> {
  const source = process.argv[2];
  if (!source) {
    process.stderr.write("Usage : npm run verify -- <fichier.json | https://site/journal.json>\n");
    return 2;
  }
  let doc: ChainExport;
  try {
    doc = JSON.parse(await read(source)) as ChainExport;
  } catch (error) {
    process.stderr.write(`Export illisible (${source}) : ${(error as Error).message}\n`);
    return 2;
  }
  const outcome = verifyExport(doc);
  if (!outcome.ok) {
    process.stderr.write(`ÉCHEC : ${outcome.message}\n`);
    return 1;
  }
  process.stdout.write(
    `OK : ${outcome.events} événements chaînés, ${outcome.results} résultat(s) recalculé(s), empreinte de tête ${outcome.head}\n`,
  );
  return 0;
}

async function read(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFile(source, "utf8");
  const url = new URL(source);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/journal.json";
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Erreur : ${(error as Error).message}\n`);
    process.exit(2);
  },
);
