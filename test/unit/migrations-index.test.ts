import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index.js";

describe("migrations/index.ts", () => {
  it("lists every migration file of the folder, in name order", () => {
    const files = readdirSync(new URL("../../migrations/", import.meta.url))
      .filter((file) => /^\d{4}_\d{2}_\d{2}_\d{6}_[a-z_]+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
