import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, splitMarks } from "../../src/domain/search.js";
import { prefixQuery } from "../../src/features/organisations/organisations.queries.js";

describe("search highlights", () => {
  it("splits ts_headline output into escaped text parts", () => {
    expect(splitMarks(`a ${MARK_START}<b>${MARK_END} c`)).toEqual([
      { text: "a ", match: false },
      { text: "<b>", match: true },
      { text: " c", match: false },
    ]);
    expect(splitMarks("rien")).toEqual([{ text: "rien", match: false }]);
  });
});

describe("organisation prefix query", () => {
  it("keeps only letters and digits, each word a prefix, every word required", () => {
    expect(prefixQuery("médecin APV")).toBe("'médecin':* & 'APV':*");
    expect(prefixQuery("chirurgiens-dentistes")).toBe("'chirurgiens':* & 'dentistes':*");
    expect(prefixQuery("médecin -hôpital")).toBe("'médecin':* & !'hôpital':*");
    expect(prefixQuery(`"l'hôpital" ou (x)`)).toBe("'hôpital':* & 'ou':*");
    expect(prefixQuery("':* & | ! ( ) \\ <->")).toBeNull();
    expect(prefixQuery("-médecin")).toBeNull();
    expect(prefixQuery("")).toBeNull();
  });
});
