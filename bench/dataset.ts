import { type Kysely, sql } from "kysely";
import type { CheckpointSigner } from "../src/audit/checkpoints.js";
import type { Database } from "../src/db/database.js";
import { castBallot } from "../src/features/ballots/casting/casting.service.js";
import { scheduleVote, transitionByHand } from "../src/features/ballots/lifecycle/lifecycle.service.js";
import { seedDemoAccounts } from "../src/seed/demo-accounts.js";
import { listRepresentatives } from "../src/seed/demo-debate.js";
import { seedCoalition } from "../src/seed/seed.js";

/** Which proposal plays which part in the benchmark. */
export const BENCH = {
  bigThread: "escap", // 300 comments
  smallThread: "stages", // 20 comments (Ecoindex of a typical page)
  openVote: "guichet-unique", // vote open: ballot POSTs
  closedVote: "exercice-mixte", // every organisation voted, results published
} as const;

const COMMENT_TEXT =
  "Nous soutenons cette orientation, à condition que les moyens suivent : **coordination** des acteurs, " +
  "financement pérenne et évaluation *indépendante*. Voir la position de @apvf sur les territoires.";

/** 35 organisations, 4 proposals, demo accounts, 2,000 comments (300 on one proposal), supports and ballots. */
export async function seedBenchDataset(db: Kysely<Database>, signer: CheckpointSigner): Promise<void> {
  await seedCoalition(db);
  await seedDemoAccounts(db, { nodeEnv: "development" });
  await db.updateTable("proposal").set({ status: "debat" }).execute();
  await insertComments(db, BENCH.bigThread, 300);
  await insertComments(db, BENCH.smallThread, 20);
  await insertComments(db, "guichet-unique", 840);
  await insertComments(db, "exercice-mixte", 840);
  await insertSupports(db);
  await voteOnEveryOrganisation(db, signer);
}

/** Top-level comments spread over the 35 representatives, in one statement per proposal. */
async function insertComments(db: Kysely<Database>, slug: string, count: number): Promise<void> {
  await sql`
    with reps as (
      select m.user_id, m.organisation_id, m.id as mandate_id, row_number() over (order by m.id) - 1 as n
      from mandate m where m.ends_at is null
    ), proposal_row as (select id from proposal where slug = ${slug})
    insert into comment (proposal_id, depth, author_id, organisation_id, mandate_id, stance, body, idempotency_key, created_at)
    select p.id, 1, r.user_id, r.organisation_id, r.mandate_id,
           (array['pour','contre','nuance','question'])[1 + g % 4],
           ${COMMENT_TEXT} || ' (' || g || ')', 'bench' || ${slug} || g, now() - make_interval(mins => ${count} - g)
    from generate_series(1, ${count}) g
    cross join proposal_row p
    join reps r on r.n = g % (select count(*) from reps)`.execute(db);
  await sql`
    insert into comment_version (comment_id, version, body, editor_id)
    select id, 1, body, author_id from comment c
    where not exists (select 1 from comment_version v where v.comment_id = c.id)`.execute(db);
}

/** Every tenth comment supported by three other organisations. */
async function insertSupports(db: Kysely<Database>): Promise<void> {
  await sql`
    insert into comment_support (comment_id, organisation_id, user_id)
    select c.id, m.organisation_id, m.user_id
    from comment c
    join mandate m on m.ends_at is null and m.organisation_id <> c.organisation_id
    where c.id % 10 = 0 and (m.organisation_id + c.id) % 12 = 0
    on conflict do nothing`.execute(db);
  await sql`update comment c set support_count = (select count(*) from comment_support s where s.comment_id = c.id)`.execute(
    db,
  );
}

async function voteOnEveryOrganisation(db: Kysely<Database>, signer: CheckpointSigner): Promise<void> {
  const admin = await db
    .selectFrom("app_user")
    .select("id")
    .where("role", "=", "administrator")
    .executeTakeFirstOrThrow();
  for (const slug of [BENCH.closedVote, BENCH.openVote]) {
    await scheduleVote(db, admin.id, slug, {
      opensAt: null,
      closesAt: new Date(Date.now() + 72 * 3600 * 1000),
      quorumFraction: 0.5,
      quorumCount: null,
      adoptionRule: "majorite_exprimes",
      showRunningTally: false,
    });
    await transitionByHand(db, admin.id, slug, "ouvrir", "banc d'essai");
  }
  for (const representative of await listRepresentatives(db)) {
    const choice = ["pour", "contre", "abstention"][Number(representative.mandate?.organisationId) % 3] as string;
    await castBallot(
      db,
      representative,
      { proposalSlug: BENCH.closedVote, choice, reason: "Position du bureau." },
      { publicOrigin: "http://localhost", signer },
    );
  }
  await transitionByHand(db, admin.id, BENCH.closedVote, "clore", "banc d'essai");
}
