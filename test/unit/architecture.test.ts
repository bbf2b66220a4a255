import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function cruise(): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
      "--config",
      ".dependency-cruiser.cjs",
    ].concat(["--output-type", "err", "src", "views"]),
    { cwd: ROOT, encoding: "utf8" },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** One forbidden import per rule, each in a file of its own, removed whatever happens. */
/** `reported`: what the report names, when not the file (a folder rule names the folder). */
const PLANTED: { rule: string; file: string; source: string; reported?: string }[] = [
  { rule: "views-no-database", file: "views/__planted_db__.ts", source: 'import "../src/db/client.js";\n' },
  {
    rule: "views-only-vocabulary-and-models",
    file: "views/__planted_service__.ts",
    source: 'import "../src/features/ballots/results/tally.js";\n',
  },
  {
    rule: "domain-no-views-or-http",
    file: "src/features/site/__planted__.service.ts",
    source: 'import "../../../views/common/text.js";\n',
  },
  {
    rule: "domain-vocabulary-stands-alone",
    file: "src/domain/__planted__.ts",
    source: 'import "../db/database.js";\n',
  },
  {
    rule: "features-only-through-index",
    file: "src/features/dossier/__planted__.ts",
    source: 'import "../ballots/results/tally.js";\n',
  },
  {
    rule: "outside-features-only-through-index",
    file: "src/cli/__planted__.ts",
    source: 'import "../features/comments/comments.service.js";\n',
  },
  {
    rule: "shared-modules-no-features",
    file: "src/jobs/__planted__.ts",
    source: 'import "../features/email/index.js";\n',
  },
  {
    rule: "one-render-path",
    file: "src/features/site/__planted__.ts",
    source: 'import "../../http/htmx.js";\n',
  },
  // A folder cycle without a module cycle: src/jobs → src/mandates → src/jobs.
  {
    rule: "no-folder-cycles",
    file: "src/jobs/__planted_up__.ts",
    source: 'import "../mandates/__planted_down__.js";\n',
    reported: "src/jobs",
  },
  { rule: "", file: "src/mandates/__planted_down__.ts", source: 'import "../jobs/runner.js";\n' },
  { rule: "no-module-cycles", file: "src/cli/__planted_a__.ts", source: 'import "./__planted_b__.js";\n' },
  // The other half of the cycle: the report names the cycle once, from its first file.
  { rule: "", file: "src/cli/__planted_b__.ts", source: 'import "./__planted_a__.js";\n' },
  {
    rule: "shared-modules-no-views-or-http",
    file: "src/live/__planted__.ts",
    source: 'import "../../views/common/text.js";\n',
  },
];

describe("the architecture rules in npm run lint", () => {
  it("pass on the code as it is", () => {
    const { status, output } = cruise();
    expect(output).toContain("no dependency violations found");
    expect(status).toBe(0);
  }, 30_000);

  it("fail on each forbidden import planted in a temporary file, naming the rule", () => {
    try {
      for (const { file, source } of PLANTED) {
        mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
        writeFileSync(path.join(ROOT, file), source);
      }
      const { status, output } = cruise();
      expect(status).not.toBe(0);
      for (const { rule, file, reported = file } of PLANTED.filter((planted) => planted.rule !== ""))
        expect(output).toMatch(new RegExp(`${rule}: ${reported.replaceAll(".", "\\.")}`));
    } finally {
      for (const { file } of PLANTED) rmSync(path.join(ROOT, file), { force: true });
    }
  }, 30_000);
});
