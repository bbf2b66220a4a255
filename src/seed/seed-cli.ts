import { migrateToLatest } from "../db/migrate.js";
import { openDatabase } from "../db/open.js";
import { loadConfig } from "../platform/config.js";
import { createLogger } from "../platform/logger.js";
import { seedDemoAccounts } from "./demo-accounts.js";
import { seedCoalition } from "./seed.js";

/** `npm run seed`: load the coalition (organisations CSV + official proposals). Safe to run twice. */
const config = loadConfig();
const logger = createLogger({ logLevel: config.logLevel === "silent" ? "silent" : "info" });
const database = await openDatabase(config, logger);
try {
  await migrateToLatest(database.db, logger);
  const counts = await seedCoalition(database.db);
  logger.info(counts, "coalition chargée");
  if (config.nodeEnv !== "production") {
    const accounts = await seedDemoAccounts(database.db, config);
    logger.info({ accounts }, "comptes de démonstration créés (ceux qui manquaient)");
  }
} finally {
  await database.close();
}
