import { migrateToLatest } from "../db/migrate.js";
import { openDatabase } from "../db/open.js";
import { invite } from "../features/people/index.js";
import { loadConfig } from "../platform/config.js";
import { createLogger } from "../platform/logger.js";

/**
 * `npm run admin -- create-admin --email someone@example.org`
 * Prints a one-time link for the first administrator of a new install.
 */
const USAGE = "Usage : npm run admin -- create-admin --email adresse@exemple.fr";

function parseArguments(argv: string[]): { email: string } {
  const [command, flag, email] = argv;
  if (command !== "create-admin" || flag !== "--email" || !email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  return { email };
}

const { email } = parseArguments(process.argv.slice(2));
const config = loadConfig();
const logger = createLogger({ logLevel: "warn" });
const database = await openDatabase(config, logger);
try {
  await migrateToLatest(database.db, logger);
  const { link } = await invite(
    database.db,
    null,
    { email, role: "administrator", organisationId: null, mandateNote: "" },
    config.publicOrigin,
  );
  process.stdout.write(`Invitation d'administration créée pour ${email}.\nLien à usage unique (7 jours) :\n${link}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
