import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { readableLines } from "../../src/platform/logger.js";

function capture() {
  const lines: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, output };
}

describe("readable development logs", () => {
  it("write a request as one line in words, and other events with their details inline", () => {
    const { lines, output } = capture();
    const logger = pino({ base: { service: "concertation" } }, readableLines(output));
    logger.info(
      { requestId: "r-1", method: "GET", path: "/propositions/stages", status: 200, durationMs: 12 },
      "requête",
    );
    logger.error({ requestId: "r-2", code: "boom" }, "erreur inattendue");
    const text = lines.join("");
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/propositions\/stages → 200 \(12 ms\)\n/);
    expect(text).toMatch(/ERROR: erreur inattendue \{"code":"boom"\}\n$/);
    expect(text).not.toContain("r-1");
    expect(text).not.toContain("\u001b[");
  });
});
