import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import type { LoadResult } from "./load.js";
import type { PageMetrics } from "./page-metrics.js";
import type { FanoutResult } from "./sse-fanout.js";

export interface BenchReport {
  loads: LoadResult[];
  fanout: FanoutResult;
  pages: PageMetrics[];
  durationSeconds: number;
  connections: number;
}

interface Target {
  target: string;
  measured: string;
  met: boolean;
}

const GRADE_ORDER = "ABCDEFG";

function find(loads: LoadResult[], prefix: string): LoadResult | undefined {
  return loads.find((load) => load.name.startsWith(prefix));
}

/** Every target of the performance issue, with the figure measured and whether it is met. */
export function evaluateTargets({ loads, fanout, pages }: BenchReport): Target[] {
  const ceiling = find(loads, "plafond")?.requestsPerSecond ?? 0;
  const anonymous = find(loads, "proposition 300 commentaires, anonyme");
  const signedIn = find(loads, "proposition 300 commentaires, connecté");
  const ballot = find(loads, "POST bulletin");
  const home = pages.find((page) => page.name === "accueil");
  const twenty = pages.find((page) => page.name === "proposition, 20 commentaires");
  const results = pages.filter((page) => page.name.startsWith("résultats"));
  const ratio = anonymous && ceiling ? anonymous.requestsPerSecond / ceiling : 0;
  return [
    { target: "proposition anonyme ≥ 30 % du plafond", measured: `${Math.round(ratio * 100)} %`, met: ratio >= 0.3 },
    {
      target: "proposition anonyme p99 < 100 ms à 50 connexions",
      measured: `${anonymous?.p99Ms ?? "?"} ms`,
      met: (anonymous?.p99Ms ?? 1e9) < 100,
    },
    {
      target: "proposition connecté ≥ 1 000 req/s",
      measured: `${signedIn?.requestsPerSecond ?? "?"} req/s`,
      met: (signedIn?.requestsPerSecond ?? 0) >= 1000,
    },
    {
      target: "POST bulletin ≥ 500/s sans erreur",
      measured: `${ballot?.requestsPerSecond ?? "?"} req/s, ${ballot?.errors ?? "?"} erreurs`,
      met: (ballot?.requestsPerSecond ?? 0) >= 500 && ballot?.errors === 0,
    },
    {
      target: "diffusion SSE p99 < 200 ms vers 500 clients",
      measured: `${fanout.lastClientMs.p99} ms (dernier client), ${fanout.missed} manqués`,
      met: fanout.lastClientMs.p99 < 200 && fanout.missed === 0,
    },
    {
      target: "accueil Ecoindex A",
      measured: home ? `${home.grade} (${home.ecoindex})` : "non mesuré",
      met: home?.grade === "A",
    },
    {
      target: "proposition 20 commentaires Ecoindex B ou mieux",
      measured: twenty ? `${twenty.grade} (${twenty.ecoindex})` : "non mesuré",
      met: twenty ? GRADE_ORDER.indexOf(twenty.grade) <= 1 : false,
    },
    {
      target: "résultats Ecoindex B ou mieux",
      measured: results.map((page) => `${page.name} : ${page.grade} (${page.ecoindex})`).join(" ; ") || "non mesuré",
      met: results.length > 0 && results.every((page) => GRADE_ORDER.indexOf(page.grade) <= 1),
    },
    domBudget("accueil ≤ 150 nœuds DOM", home ? [home] : [], 150),
    domBudget("proposition 20 commentaires ≤ 700 nœuds DOM", twenty ? [twenty] : [], 700),
    domBudget(
      "résultats ≤ 600 nœuds DOM",
      results.filter((page) => page.name === "résultats (matrice)"),
      600,
    ),
  ];
}

/** A DOM budget (issue 11): every page named must stay within it. */
function domBudget(target: string, pages: PageMetrics[], budget: number): Target {
  return {
    target,
    measured: pages.map((page) => `${page.name} : ${page.domNodes}`).join(" ; ") || "non mesuré",
    met: pages.length > 0 && pages.every((page) => page.domNodes <= budget),
  };
}

function markdown(report: BenchReport, targets: Target[]): string {
  const ceiling = find(report.loads, "plafond")?.requestsPerSecond ?? 1;
  const lines = [
    `# Banc d'essai — ${new Date().toISOString()}`,
    "",
    `Machine : ${cpus().length} cœurs (${cpus()[0]?.model ?? "?"}), Node ${process.version}. ${report.connections} connexions, ${report.durationSeconds} s par scénario.`,
    "",
    "| scénario | req/s | p50 (ms) | p99 (ms) | erreurs | part du plafond |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...report.loads.map(
      (l) =>
        `| ${l.name} | ${l.requestsPerSecond} | ${l.p50Ms} | ${l.p99Ms} | ${l.errors} | ${Math.round((l.requestsPerSecond / ceiling) * 100)} % |`,
    ),
    "",
    `Diffusion SSE : ${report.fanout.clients} clients, ${report.fanout.events} événements ; du commit au dernier client p50 ${report.fanout.lastClientMs.p50} ms, p99 ${report.fanout.lastClientMs.p99} ms ; toutes livraisons p50 ${report.fanout.deliveryMs.p50} ms, p99 ${report.fanout.deliveryMs.p99} ms ; manqués ${report.fanout.missed}.`,
    "",
    "| page | transfert (Ko) | requêtes | nœuds DOM | Ecoindex |",
    "| --- | ---: | ---: | ---: | --- |",
    ...report.pages.map(
      (p) => `| ${p.name} | ${p.transferKb} | ${p.requests} | ${p.domNodes} | ${p.grade} (${p.ecoindex}) |`,
    ),
    "",
    "| objectif | mesuré | atteint |",
    "| --- | --- | --- |",
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? "oui" : "**non**"} |`),
  ];
  return `${lines.join("\n")}\n`;
}

export async function writeReport(report: BenchReport): Promise<void> {
  const targets = evaluateTargets(report);
  const text = markdown(report, targets);
  const json = { date: new Date().toISOString(), cores: cpus().length, node: process.version, ...report, targets };
  await writeFile(new URL("./results/latest.json", import.meta.url), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(new URL("./results/latest.md", import.meta.url), text);
  process.stdout.write(`\n${text}`);
}
