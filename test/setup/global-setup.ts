import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../../src/db/client.js";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { createLogger } from "../../src/platform/logger.js";
import { seedCoalition } from "../../src/seed/seed.js";
import { databaseUrl, freePort } from "../helpers/net.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}

const logger = createLogger({ logLevel: "silent" });

/**
 * One Postgres for the whole run: the one named by DATABASE_URL, or an embedded
 * one in a temporary folder. A migrated, seeded template database is built once;
 * each test clones it (test/helpers/context.ts), as do the few files that keep their
 * own database for all their tests (test/helpers/database.ts).
 */
export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL ? undefined : await startTemporaryPostgres();
  const adminUrl = process.env.DATABASE_URL ?? server?.adminUrl ?? "";
  const templateDatabase = `concertation_template_${process.pid}`;
  try {
    await recreateDatabase(adminUrl, templateDatabase);
    await prepareTemplate(databaseUrl(adminUrl, templateDatabase));
  } catch (error) {
    await server?.stop();
    throw error;
  }
  project.provide("databaseAdminUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);
  process.stdout.write(`[test] Postgres : ${server ? "embarqué (temporaire)" : "DATABASE_URL"}\n`);

  return async () => {
    await dropDatabases(adminUrl, templateDatabase);
    await server?.stop();
  };
}

async function startTemporaryPostgres() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "concertation-test-"));
  await chmod(dataDir, 0o755); // the embedded server runs as user postgres when we are root
  const handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), databaseName: "concertation", logger });
  return {
    adminUrl: handle.adminUrl,
    stop: async () => {
      await handle.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function prepareTemplate(url: string) {
  const { db } = createDatabase({ connectionString: url, statementTimeoutMs: 30_000, poolSize: 2, logger });
  try {
    await migrateToLatest(db, logger);
    await seedCoalition(db);
  } finally {
    await db.destroy();
  }
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function recreateDatabase(adminUrl: string, name: string) {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
}

/** The template and every clone made from it during this run. */
async function dropDatabases(adminUrl: string, templateDatabase: string) {
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname = $1 or datname like $2",
      [templateDatabase, `${templateDatabase}_c%`],
    );
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  });
}
