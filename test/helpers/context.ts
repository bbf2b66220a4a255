import type { Hono } from "hono";
import type { Kysely } from "kysely";
import { test as base, expect } from "vitest";
import { sessionCookieName } from "../../src/auth/cookies.js";
import { createSession } from "../../src/auth/session.js";
import type { Database } from "../../src/db/database.js";
import type { Role } from "../../src/domain/people.js";
import type { Config } from "../../src/platform/config.js";
import { createUser, type TestUser } from "../factories.js";
import { createTestApp } from "./app.js";
import { TestClient } from "./client.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

/** Who a test acts as: a role, an organisation's slug (one of its representatives), createUser's options, or a user. */
export type Who = Role | (string & Record<never, never>) | Parameters<typeof createUser>[1] | TestUser;

const ROLES: readonly string[] = ["representative", "moderator", "administrator"] satisfies Role[];

/** A client already signed in, as after the password and (for staff) the second factor. */
export class SignedInClient extends TestClient {
  constructor(
    app: Hono<any>,
    readonly user: TestUser,
  ) {
    super(app);
  }
}

interface AsOptions {
  /** Another app over the same database (its own env, or another instance); the test's app by default. */
  app?: Hono<any>;
  /** That app's config when it differs (cookie name, session lifetimes); the test's config by default. */
  config?: Config;
}

/** A line the app logged, as pino wrote it. */
export interface LogLine {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

interface TestContextFixtures {
  /** Environment overrides for `app`: `test.override({ env: { PAGE_CACHE_MS: "60000" } })` in a describe. */
  env: Record<string, string>;
  /** What `app` logged (nothing unless `env` sets LOG_LEVEL). */
  logLines: LogLine[];
  /** This test's own database, cloned from the migrated, seeded template and dropped afterwards. */
  database: TestDatabase;
  db: Kysely<Database>;
  /** createTestApp over `db` with `env`: the app, its config and lifecycle. */
  testApp: ReturnType<typeof createTestApp>;
  /** The real application over `db`, with `env`. */
  app: Hono<any>;
  config: Config;
  /** A new person, signed in by a session written directly (no HTTP sign-in, no TOTP code spent). */
  as: (who: Who, options?: AsOptions) => Promise<SignedInClient>;
}

/** The `as` fixture's type, for a file's helpers that sign people in. */
export type As = TestContextFixtures["as"];

function userOptions(who: Exclude<Who, TestUser>): Parameters<typeof createUser>[1] {
  if (typeof who === "string") {
    if (ROLES.includes(who)) return { role: who as Role, totp: who !== "representative" };
    return { organisation: who };
  }
  const options = who ?? {};
  return { ...options, totp: options.totp ?? (options.role !== undefined && options.role !== "representative") };
}

/** Opens a session for `user` exactly as a completed sign-in does, and hands the cookie to a client. */
export async function signedInClient(
  db: Kysely<Database>,
  user: TestUser,
  app: Hono<any>,
  config: Config,
): Promise<SignedInClient> {
  const { token } = await createSession(
    db,
    user.id,
    { twoFactorVerified: true, ip: "inconnue", userAgent: "" },
    config,
  );
  const client = new SignedInClient(app, user);
  client.cookies.set(sessionCookieName(config), token);
  return client;
}

/** One person of each kind at the door, for the tests that try every form as each of them. */
export interface Cast {
  visitor: TestClient;
  representative: SignedInClient;
  moderator: SignedInClient;
  admin: SignedInClient;
}

export async function everyKindOfPerson(app: Hono<any>, as: As): Promise<Cast> {
  return {
    visitor: new TestClient(app),
    representative: await as("apvf"),
    moderator: await as("moderator"),
    admin: await as("administrator"),
  };
}

/** A representative's comment on `slug`, the one the form tests act on; its id. */
export async function witnessComment(db: Kysely<Database>, client: TestClient, slug: string): Promise<string> {
  const posted = await client.post(`/propositions/${slug}/commentaires`, {
    position: "pour",
    body: "Un commentaire témoin",
  });
  expect(posted.status).toBe(303);
  const row = await db
    .selectFrom("comment")
    .select("id")
    .where("body", "=", "Un commentaire témoin")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A file's supply of databases. While a test runs, the next one is already being cloned; a used
 * one is dropped in the background, and the file ends only once every drop is done.
 */
interface DatabaseSupply {
  take(): Promise<TestDatabase>;
  giveBack(database: TestDatabase): void;
}

/**
 * One test context: every test gets its own database, cloned from the template (about 75 ms on an
 * idle machine, its drop about 20 ms), so no test ever sees what another left behind, in any order.
 */
export const test = base.extend<TestContextFixtures & { supply: DatabaseSupply }>({
  env: {},
  supply: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      let spare: Promise<TestDatabase> | undefined;
      let taken = 0;
      const drops: Promise<void>[] = [];
      let dropFailure: unknown;
      const drop = (database: TestDatabase) =>
        drops.push(
          database.destroy().catch((error: unknown) => {
            dropFailure ??= error;
          }),
        );
      const prepare = () => {
        const next = createTestDatabase();
        next.catch(() => undefined); // its failure is reported to the test that takes it
        return next;
      };
      await use({
        take: () => {
          taken += 1;
          const database = spare ?? createTestDatabase();
          // From a file's second test on, clone the next database while this test runs.
          spare = taken >= 2 ? prepare() : undefined;
          return database;
        },
        giveBack: (database) => {
          drop(database);
        },
      });
      const unused = await spare?.catch(() => undefined);
      if (unused) drop(unused);
      await Promise.all(drops);
      if (dropFailure) throw dropFailure;
    },
    { scope: "file" },
  ],
  database: async ({ supply }, use) => {
    const database = await supply.take();
    try {
      await use(database);
    } finally {
      supply.giveBack(database);
    }
  },
  db: async ({ database }, use) => {
    await use(database.db);
  },
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern; it has none.
  logLines: async ({}, use) => {
    await use([]);
  },
  testApp: async ({ db, env, logLines }, use) => {
    await use(createTestApp(db, env, { logLines }));
  },
  app: async ({ testApp }, use) => {
    await use(testApp.app);
  },
  config: async ({ testApp }, use) => {
    await use(testApp.config);
  },
  as: async ({ db, app, config }, use) => {
    await use(async (who, options = {}) => {
      const user =
        typeof who === "object" && who !== null && "id" in who ? who : await createUser(db, userOptions(who));
      return signedInClient(db, user, options.app ?? app, options.config ?? config);
    });
  },
});
