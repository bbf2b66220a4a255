import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../helpers/source-files.js";

const SRC = path.join(import.meta.dirname, "../../src");
const ROUTE_FILES = sourceFiles(SRC).filter((file) => /\.routes\.tsx?$/.test(file));

/** A route declaration: `app.get(`, `.post(` at the start of a line (never `c.get(`). */
const DECLARATION = /^[ \t]*(?:(?!c\.)[a-z]\w*)?\.(get|post|put|patch|delete|all)\(/gm;
/** What every route hands its request to: one named function, `(c) => showAccount(c, deps)`. */
const NAMED_HANDLER = /^\(c\) => [a-zA-Z]\w*\(c(?:, [^()]*)?\)$/;

/** The declaration's arguments, split at the commas outside brackets and strings. */
function argumentsOf(source: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = "";
  let current = "";
  for (let i = start; i < source.length; i += 1) {
    const char = source[i] ?? "";
    if (quote) {
      if (char === quote && source[i - 1] !== "\\") quote = "";
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if ("([{".includes(char)) depth += 1;
    else if (")]}".includes(char)) {
      if (depth === 0) return [...args, current.trim()].filter((arg) => arg !== "");
      depth -= 1;
    } else if (char === "," && depth === 0) {
      args.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  throw new Error("unbalanced route declaration");
}

/** Every route of `source` whose handler is written inline instead of named. */
function inlineHandlers(source: string): string[] {
  return [...source.matchAll(DECLARATION)].flatMap((match) => {
    const args = argumentsOf(source, (match.index ?? 0) + match[0].length);
    const handler = (args.at(-1) ?? "").replace(/\s+/g, " ");
    return NAMED_HANDLER.test(handler) ? [] : [`${args[0]} → ${handler.slice(0, 60)}`];
  });
}

describe("every route hands its request to a named handler", () => {
  it("finds the route files and their declarations", () => {
    expect(ROUTE_FILES.length).toBeGreaterThan(15);
    const declarations = ROUTE_FILES.flatMap((file) => [...readFileSync(file, "utf8").matchAll(DECLARATION)]);
    expect(declarations.length).toBeGreaterThan(80);
  });

  for (const file of ROUTE_FILES) {
    it(path.relative(SRC, file), () => {
      expect(inlineHandlers(readFileSync(file, "utf8"))).toEqual([]);
    });
  }

  it("fails on an inline handler (planted)", () => {
    const planted = `app.get("/x", requireUser, async (c) => {\n  return c.text("x");\n});\napp.get("/y", (c) => showY(c, deps));`;
    expect(inlineHandlers(planted)).toEqual(['"/x" → async (c) => { return c.text("x"); }']);
  });
});
