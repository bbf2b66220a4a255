import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase } from "../../src/db/client.js";
import type { Database } from "../../src/db/database.js";
import { createLogger } from "../../src/platform/logger.js";
import { databaseUrl } from "./net.js";

export interface TestDatabase {
  db: Kysely<Database>;
  url: string;
  name: string;
  destroy(): Promise<void>;
}

/** A fresh database cloned from the migrated, seeded template: real Postgres, isolated per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("databaseAdminUrl");
  const template = inject("templateDatabase");
  const name = `${template}_c${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  const url = databaseUrl(adminUrl, name);
  const { db } = createDatabase({
    connectionString: url,
    statementTimeoutMs: 10_000,
    poolSize: 5,
    logger: createLogger({ logLevel: "silent" }),
  });
  return {
    db,
    url,
    name,
    destroy: async () => {
      await db.destroy();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
