import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/features/opendata/opendata.csv.js";

describe("open data CSV", () => {
  it("quotes separators, quotes and line breaks, leaves empty cells for null", () => {
    const csv = toCsv(["a", "b", "c"], [{ a: 'dit "oui", puis', b: "ligne\nsuivante", c: null }]);
    expect(csv).toBe('a,b,c\r\n"dit ""oui"", puis","ligne\nsuivante",\r\n');
  });

  it("defuses cells that a spreadsheet would run as a formula", () => {
    expect(toCsv(["a"], [{ a: "=HYPERLINK(1)" }, { a: "-2" }, { a: "@x" }])).toBe(
      "a\r\n'=HYPERLINK(1)\r\n'-2\r\n'@x\r\n",
    );
  });
});
