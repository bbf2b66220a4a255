import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every .ts/.tsx file under a folder, for tests that read the source as written. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}
