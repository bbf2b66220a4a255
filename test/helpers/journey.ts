import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { listen } from "./http-server.js";

export interface Journey {
  database: TestDatabase;
  server: Awaited<ReturnType<typeof listen>>;
  browser: Browser;
}

/**
 * Registers the hooks every browser journey needs: its own database, the real app
 * on a real port, and Chromium. Fields are set once `beforeAll` has run.
 */
export function useBrowserJourney(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.database = await createTestDatabase();
    journey.server = await listen(journey.database.db);
    journey.browser = await launchChromium();
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.close();
    await journey.database?.destroy();
  });
  return journey;
}
