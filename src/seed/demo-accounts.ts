import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { type Kysely, sql } from "kysely";
import { hashPassword, verifyPassword } from "../auth/password.js";
import type { Database } from "../db/database.js";
import type { Role } from "../domain/people.js";
import type { Config } from "../platform/config.js";

/** Known credentials for the demo only; production refuses to create them. */
export const DEMO_PASSWORD = "concertation-demo";
export const DEMO_TOTP_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
export const DEMO_DOMAIN = "demo.concertation.localhost";

export const DEMO_STAFF = [
  { email: `admin@${DEMO_DOMAIN}`, name: "Alice Administratrice (démo)", role: "administrator" },
  { email: `moderation@${DEMO_DOMAIN}`, name: "Mehdi Modérateur (démo)", role: "moderator" },
] as const satisfies readonly { email: string; name: string; role: Role }[];

export const demoRepresentativeEmail = (organisationSlug: string) => `${organisationSlug}@${DEMO_DOMAIN}`;

export class DemoAccountsRefusedError extends Error {
  override name = "DemoAccountsRefusedError";
}

/** One administrator, one moderator (both with the demo TOTP key) and one representative per organisation. */
export async function seedDemoAccounts(db: Kysely<Database>, config: Pick<Config, "nodeEnv">): Promise<number> {
  if (config.nodeEnv === "production") {
    throw new DemoAccountsRefusedError("Les comptes de démonstration sont refusés en production.");
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const totpKey = decodeBase32IgnorePadding(DEMO_TOTP_KEY);
  const organisations = await db.selectFrom("organisation").select(["id", "slug", "name"]).orderBy("name").execute();
  const people = [
    ...DEMO_STAFF.map((staff) => ({ ...staff, organisationId: null as string | null, totp: true })),
    ...organisations.map((o) => ({
      email: demoRepresentativeEmail(o.slug),
      name: `Représentant·e ${o.name}`.slice(0, 120),
      role: "representative" as Role,
      organisationId: o.id as string | null,
      totp: false,
    })),
  ];
  return db.transaction().execute(async (trx) => {
    let created = 0;
    for (const person of people) {
      const user = await trx
        .insertInto("app_user")
        .values({
          email: person.email,
          display_name: person.name,
          role: person.role,
          password_hash: passwordHash,
          is_demo: true,
          totp_key: person.totp ? totpKey : null,
          totp_enabled_at: person.totp ? sql`now()` : null,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!user) continue;
      created += 1;
      if (person.organisationId) {
        await trx
          .insertInto("mandate")
          .values({ user_id: user.id, organisation_id: person.organisationId, note: "Mandat de démonstration" })
          .execute();
      }
    }
    return created;
  });
}

export const DEMO_ACCOUNTS_IN_PRODUCTION_MESSAGE =
  "Démarrage refusé : la base contient des comptes de démonstration au mot de passe public ; supprimez-les ou changez leur mot de passe avant de lancer la production.";

/**
 * Active accounts that still open with the public demo password: those marked
 * is_demo or on the demo domain, checked against the real hash (a demo account whose
 * password was changed is no risk). Seeded accounts share one hash, so few checks run.
 */
export async function countDemoAccountsWithPublicPassword(db: Kysely<Database>): Promise<number> {
  const rows = await db
    .selectFrom("app_user")
    .select(["password_hash", (eb) => eb.fn.countAll<string>().as("accounts")])
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("is_demo", "=", true), eb("email", "like", `%@${DEMO_DOMAIN}`)]))
    .groupBy("password_hash")
    .execute();
  let count = 0;
  for (const row of rows) {
    if (await verifyPassword(row.password_hash, DEMO_PASSWORD)) count += Number(row.accounts);
  }
  return count;
}

export async function hasNoAccounts(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

export function demoCredentialsText(): string {
  return [
    `  Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`,
    `    administration : ${DEMO_STAFF[0].email}`,
    `    modération     : ${DEMO_STAFF[1].email}`,
    `      (double authentification : clé TOTP ${DEMO_TOTP_KEY} à ajouter dans une application d'authentification)`,
    `    représentants  : <identifiant de l'organisation>@${DEMO_DOMAIN}, par ex. apvf@${DEMO_DOMAIN}`,
  ].join("\n");
}
