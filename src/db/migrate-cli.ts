import { loadConfig } from "../platform/config.js";
import { createLogger } from "../platform/logger.js";
import { migrateToLatest } from "./migrate.js";
import { openDatabase } from "./open.js";

/** `npm run migrate`: apply pending migrations (Fly's release command runs this). */
const config = loadConfig();
const logger = createLogger({ logLevel: config.logLevel === "silent" ? "silent" : "info" });
const database = await openDatabase(config, logger);
try {
  await migrateToLatest(database.db, logger);
  logger.info("migrations à jour");
} finally {
  await database.close();
}
