import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type Checkpoint, findCheckpoints } from "../audit/checkpoints.js";
import type { BallotChainExport as ChainExport } from "../features/ballots/index.js";
import { verifyExport } from "../features/ballots/index.js";

const USAGE =
  "Usage : npm run verify -- <fichier.json | https://site/journal.json> [--points <fichier>]… [--cle <empreinte>]\n" +
  "  --points  un fichier où vous avez gardé des points de contrôle signés (courriel de reçu, téléchargement) ;\n" +
  "            la chaîne doit prolonger chacun d'eux (répétable)\n" +
  "  --cle     l'empreinte SHA-256 de la clé de signature que vous avez épinglée\n";

/**
 * npm run verify -- <file | URL> [--points <file>]... [--cle <fingerprint>]
 * Recomputes the audit chain and every tally from the public export, and checks that the chain
 * extends every signed checkpoint (the site's own and the ones kept by the user). Exit 0 when
 * everything matches, 1 naming the first fault, 2 when an input cannot be read.
 * A site address without a path reads <site>/journal.json.
 */
async function main(): Promise<number> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const source = args.positionals[0];
  if (!source) {
    process.stderr.write(USAGE);
    return 2;
  }
  let doc: ChainExport;
  let kept: Checkpoint[];
  try {
    doc = JSON.parse(await read(source)) as ChainExport;
    kept = await readKept(args.values.points ?? []);
  } catch (error) {
    process.stderr.write(`Entrée illisible : ${(error as Error).message}\n`);
    return 2;
  }
  const pinnedFingerprint = args.values.cle;
  const outcome = verifyExport(doc, { kept, ...(pinnedFingerprint ? { pinnedFingerprint } : {}) });
  if (!outcome.ok) {
    process.stderr.write(`ÉCHEC : ${outcome.message}\n`);
    return 1;
  }
  process.stdout.write(
    `OK : ${outcome.events} événements chaînés, ${outcome.results} résultat(s) recalculé(s), empreinte de tête ${outcome.head}\n`,
  );
  if (outcome.witnessed) {
    const { checkpoints, keyFingerprint } = outcome.witnessed;
    process.stdout.write(
      `OK : la chaîne prolonge ${checkpoints} point(s) de contrôle signé(s) (dont ${kept.length} gardé(s) par vous), clé ${keyFingerprint}\n`,
    );
    if (!pinnedFingerprint) process.stdout.write("Conseil : épinglez cette empreinte et repassez-la avec --cle.\n");
  }
  return 0;
}

function readArgs() {
  return parseArgs({
    allowPositionals: true,
    options: { points: { type: "string", multiple: true }, cle: { type: "string" } },
  });
}

/** Checkpoints are found anywhere in a kept file: a saved email, the site's JSON, a note. */
async function readKept(files: string[]): Promise<Checkpoint[]> {
  const kept: Checkpoint[] = [];
  for (const file of files) {
    const found = findCheckpoints(await readFile(file, "utf8"));
    if (found.length === 0) throw new Error(`aucun point de contrôle dans ${file}`);
    kept.push(...found);
  }
  return kept;
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
