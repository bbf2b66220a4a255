import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.js";
import { scheduleVote, transitionByHand } from "../../src/features/ballots/lifecycle/lifecycle.service.js";
import { createUser } from "../factories.js";

const HOUR_MS = 60 * 60 * 1000;
const adminIds = new WeakMap<Kysely<Database>, Promise<string>>();

/** One administrator per database (a test file may use several databases). */
function admin(db: Kysely<Database>): Promise<string> {
  const existing = adminIds.get(db);
  if (existing) return existing;
  const created = createUser(db, { role: "administrator", totp: true }).then((user) => user.id);
  adminIds.set(db, created);
  return created;
}

/** Opens the vote on a proposal now, closing in `hours` (default rules unless given). */
export async function openVoteNow(
  db: Kysely<Database>,
  slug: string,
  options: { hours?: number; showRunningTally?: boolean } = {},
): Promise<void> {
  const id = await admin(db);
  await scheduleVote(db, id, slug, {
    opensAt: null,
    closesAt: new Date(Date.now() + (options.hours ?? 72) * HOUR_MS),
    quorumFraction: 0.5,
    quorumCount: null,
    adoptionRule: "majorite_exprimes",
    showRunningTally: options.showRunningTally ?? false,
  });
  await transitionByHand(db, id, slug, "ouvrir", "ouverture pour le test");
}

export async function closeVoteNow(db: Kysely<Database>, slug: string): Promise<void> {
  await transitionByHand(db, await admin(db), slug, "clore", "clôture pour le test");
}

export async function firstProposalSlugs(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom("proposal").select("slug").orderBy("number").execute();
  return rows.map((r) => r.slug);
}
