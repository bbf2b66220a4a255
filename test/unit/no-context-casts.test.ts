import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../helpers/source-files.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

describe("context values are read, never asserted", () => {
  it("has no `as CurrentUser`, `as CurrentSession`, `as Actor` or `c.get(...) as` in src", () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ where: `${path.relative(SRC, file)}:${index + 1}`, line }))
        .filter(({ line }) => /\bas (CurrentUser|CurrentSession|Actor)\b|\.get\("[a-zA-Z]+"\) as\b/.test(line)),
    );
    expect(found).toEqual([]);
  });
});
