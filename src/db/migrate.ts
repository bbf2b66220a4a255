import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "../../migrations/index.js";
import type { Logger } from "../platform/logger.js";

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export async function migrateToLatest(db: Kysely<any>, logger: Logger): Promise<void> {
  const outcome = await createMigrator(db).migrateToLatest();
  reportMigrations(outcome, logger);
}

function reportMigrations({ error, results }: MigrationResultSet, logger: Logger): void {
  for (const result of results ?? []) {
    if (result.status === "Success") logger.info({ migration: result.migrationName }, "migration appliquée");
    if (result.status === "Error") logger.error({ migration: result.migrationName }, "migration en échec");
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
