import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors.js";
import { describeRefusal, REFUSAL_CODES } from "../../src/http/refusals.js";
import { sourceFiles } from "../helpers/source-files.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Every code a service can throw, read from the source as written. */
function thrownCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, "utf8");
    for (const [, code] of source.matchAll(/new DomainError\("([^"]+)"/g)) codes.add(code as string);
    // organisations.service.ts names its codes through a helper that adds the feature prefix.
    if (file.endsWith("organisations.service.ts"))
      for (const [, helper, table] of source.matchAll(/refusal\("([^"]+)"|code: "([^"]+)"/g))
        codes.add(`organisations.${helper ?? table}`);
  }
  return [...codes].sort();
}

describe("domain refusals", () => {
  it("gives every code a service throws a status and a French message", () => {
    const thrown = thrownCodes();
    expect(thrown.length).toBeGreaterThan(40);
    expect(thrown.filter((code) => !(REFUSAL_CODES as string[]).includes(code))).toEqual([]);
    for (const code of REFUSAL_CODES) {
      const refusal = describeRefusal(
        new DomainError(code, { params: { line: 3, value: "x", owner: "y", detail: "ligne 2 illisible" } }),
      );
      expect(refusal?.message, code).toMatch(/\p{L}{3}/u);
      expect([403, 404, 409, 422, 429]).toContain(refusal?.status);
    }
  });

  it("keeps no code nobody throws", () => {
    expect(REFUSAL_CODES.filter((code) => !thrownCodes().includes(code))).toEqual([]);
  });

  it("leaves a code it does not know to the error handler (a fault of ours, a 500)", () => {
    expect(describeRefusal(new DomainError("inconnu.code"))).toBeUndefined();
  });
});
