import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, GENESIS_HASH, sha256Hex } from "../../src/audit/canonical-json.js";
import { CHAIN_EXPORT_FORMAT, type ExportedEvent } from "../../src/audit/export-format.js";
import { countChoices, decide } from "../../src/features/ballots/results/tally.js";
import { verifyExport } from "../../src/features/ballots/results/verify.js";
import type { BallotChainExport as ChainExport } from "../../src/features/ballots/results/view-models/results.model.js";

describe("canonical JSON", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, "é"], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[true,null,"é"]},"b":1}',
    );
  });

  it("gives the same hash whatever the key order (jsonb reorders keys)", () => {
    expect(chainHash(GENESIS_HASH, { kind: "k", at: "t" })).toBe(chainHash(GENESIS_HASH, { at: "t", kind: "k" }));
    expect(chainHash(GENESIS_HASH, {})).toBe(sha256Hex(`${GENESIS_HASH}{}`));
  });

  it("refuses numbers it could not write canonically", () => {
    expect(() => canonicalJson({ x: 0.5 })).toThrow();
  });
});

describe("counting rules", () => {
  const rules = { quorumFraction: 0.5, quorumCount: null, adoptionRule: "majorite_exprimes" as const };

  it("counts abstentions for the quorum (at least half of 35 = 18) but not for adoption", () => {
    const tally = countChoices([...Array(9).fill("pour"), ...Array(8).fill("contre"), "abstention"]);
    expect(decide(tally, rules, 35)).toMatchObject({ quorumRequired: 18, quorumReached: true, result: "adoptee" });
    const short = countChoices([...Array(9).fill("pour"), ...Array(8).fill("contre")]);
    expect(decide(short, rules, 35).result).toBe("quorum_non_atteint");
  });

  it("rejects a tie and applies the other rules", () => {
    const tie = countChoices(["pour", "contre", "abstention"]);
    expect(decide(tie, { ...rules, quorumCount: 3 }, 35).result).toBe("rejetee");
    const twoThirds = countChoices(["pour", "pour", "contre"]);
    expect(decide(twoThirds, { ...rules, quorumCount: 1, adoptionRule: "deux_tiers_exprimes" }, 35).result).toBe(
      "adoptee",
    );
    const absolute = countChoices(["pour", "abstention", "abstention"]);
    expect(decide(absolute, { ...rules, quorumCount: 1, adoptionRule: "majorite_absolue" }, 35).result).toBe("rejetee");
  });
});

describe("verifyExport on a hand-made chain", () => {
  function chain(count: number): ChainExport {
    const events: ChainExport["events"] = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= count; i++) {
      const payload = { kind: "debate_opened", proposal: `p${i}`, at: "2026-11-22T08:00:00.000Z" };
      const hash = chainHash(prev, payload);
      events.push({ id: String(i), prevHash: prev, hash, kind: payload.kind, payload });
      prev = hash;
    }
    return { format: CHAIN_EXPORT_FORMAT, generatedAt: "", head: prev, events, results: [] };
  }

  it("accepts an intact chain", () => {
    expect(verifyExport(chain(3))).toEqual({ ok: true, events: 3, head: chain(3).head, results: 0 });
  });

  it("names the event after a removed one, and a rewritten one", () => {
    const removed = chain(3);
    removed.events.splice(1, 1);
    expect(verifyExport(removed)).toMatchObject({ ok: false, eventId: "3" });
    const rewritten = chain(3);
    (rewritten.events[1] as ExportedEvent).payload.proposal = "autre";
    expect(verifyExport(rewritten)).toMatchObject({ ok: false, eventId: "2" });
  });

  it("refuses a head that is not the last event (events cut from the end)", () => {
    const cut = chain(3);
    cut.events.pop();
    expect(verifyExport(cut)).toMatchObject({ ok: false, eventId: null });
  });
});
