import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TEST_CHECKPOINT_KEY_PEM } from "./checkpoints.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

/**
 * Runs `src/server.ts` as `npm start` does (through tsx), in its own process. It signs with the
 * suite's checkpoint key unless told otherwise (`CHECKPOINT_SIGNING_KEY: ""` = the DATA_DIR key),
 * and logs JSON, which the tests read (development would otherwise log readable lines).
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY_PEM,
      LOG_FORMAT: "json",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = (text: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output.includes(text)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`"${text}" not printed within ${timeoutMs} ms. Output:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then(() => {
        if (!output.includes(text)) {
          cleanup();
          reject(new Error(`process exited before printing "${text}". Output:\n${output}`));
        }
      });
      check();
    });
  return { child, output: () => output, exited, waitFor };
}

export const READY = "Concertation à l'écoute";
