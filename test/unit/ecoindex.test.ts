import { describe, expect, it } from "vitest";
import { ecoindexGrade, ecoindexScore } from "../../bench/ecoindex.js";

describe("ecoindex", () => {
  it("matches the reference implementation's test values (cnumr/ecoindex_python)", () => {
    expect(Math.round(ecoindexScore(240, 20, 331))).toBe(83);
    expect(Math.round(ecoindexScore(100, 100, 100))).toBe(72);
    expect(Math.round(ecoindexScore(200, 200, 10000))).toBe(46);
    expect(Math.round(ecoindexScore(2355, 267, 2493))).toBe(10);
  });

  it("grades scores as the reference does", () => {
    expect(ecoindexGrade(2)).toBe("G");
    expect(ecoindexGrade(25)).toBe("F");
    expect(ecoindexGrade(72)).toBe("B");
    expect(ecoindexGrade(83)).toBe("A");
  });
});
