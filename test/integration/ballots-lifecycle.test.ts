import { type Kysely, sql } from "kysely";
import { describe, expect } from "vitest";
import { createDatabase } from "../../src/db/client.js";
import type { Database } from "../../src/db/database.js";
import { startVoteScheduler } from "../../src/features/ballots/index.js";
import { runDueTransitions } from "../../src/features/ballots/lifecycle/lifecycle.service.js";
import { sendDueReminders } from "../../src/features/ballots/lifecycle/reminders.service.js";
import { createLogger } from "../../src/platform/logger.js";
import { createUser } from "../factories.js";
import { TEST_ORIGIN } from "../helpers/app.js";
import { testSigner } from "../helpers/checkpoints.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";
import { asWritten } from "../helpers/emails.js";
import { firstProposalSlugs } from "../helpers/votes.js";

const statusOf = async (db: Kysely<Database>, slug: string) =>
  (await db.selectFrom("proposal").select("status").where("slug", "=", slug).executeTakeFirstOrThrow()).status;

const kindsFor = async (db: Kysely<Database>, slug: string) => {
  const { rows } = await sql<{ kind: string }>`
    select e.kind from audit_event e join proposal p on p.id = e.proposal_id where p.slug = ${slug} order by e.id`.execute(
    db,
  );
  return rows.map((r) => r.kind);
};

describe("administrators run the lifecycle by hand", () => {
  test("refuses representatives and moderators", async ({ db, as }) => {
    const slugs = await firstProposalSlugs(db);
    const representative = await as("apvf");
    const moderator = await as("moderator");
    for (const client of [representative, moderator]) {
      expect((await client.get("/admin/votes")).status).toBe(403);
      const post = await client.post(`/admin/votes/${slugs[1]}/transition`, {
        transition: "clore",
        numero: "2",
        "motif-2": "non",
      });
      expect(post.status).toBe(403);
    }
  });

  test("schedules with rules, opens and closes with a reason; the journal records each step", async ({
    db,
    app,
    as,
  }) => {
    const slugs = await firstProposalSlugs(db);
    const admin = await as("administrator");
    const slug = slugs[1] ?? "";
    expect((await admin.get("/admin/votes")).status).toBe(200);
    const scheduled = await admin.post(`/admin/votes/${slug}/calendrier`, {
      numero: "2",
      "ouverture-2": "2030-01-10T09:00",
      "cloture-2": "2030-01-20T18:00",
      "quorum-2": "0,6",
      "quorum-nombre-2": "",
      "regle-2": "deux_tiers_exprimes",
      "decomptes-2": "true",
    });
    expect(scheduled.status).toBe(303);
    const row = await db.selectFrom("proposal").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();
    expect(row.vote_opens_at?.toISOString()).toBe("2030-01-10T08:00:00.000Z"); // Paris is UTC+1 in winter
    expect(row.adoption_rule).toBe("deux_tiers_exprimes");
    const page = await (await new TestClient(app).get(`/propositions/${slug}`)).text();
    expect(page).toContain("Quorum : au moins 21 organisations sur 35");

    const noReason = await admin.post(`/admin/votes/${slug}/transition`, { transition: "ouvrir", numero: "2" });
    expect(noReason.status).toBe(422);
    const opened = await admin.post(`/admin/votes/${slug}/transition`, {
      transition: "ouvrir",
      numero: "2",
      "motif-2": "Décision du bureau",
    });
    expect(opened.status).toBe(303);
    expect(await statusOf(db, slug)).toBe("vote_ouvert");
    const running = await (await new TestClient(app).get(`/propositions/${slug}`)).text();
    expect(running).toContain("Décompte provisoire"); // this proposal shows running tallies
    const again = await admin.post(`/admin/votes/${slug}/transition`, {
      transition: "ouvrir",
      numero: "2",
      "motif-2": "Encore",
    });
    expect(again.status).toBe(409);
    await admin.post(`/admin/votes/${slug}/transition`, {
      transition: "clore",
      numero: "2",
      "motif-2": "Fin anticipée",
    });
    expect(await statusOf(db, slug)).toBe("clos");
    expect(await kindsFor(db, slug)).toEqual(["vote_opened", "vote_closed", "result"]);
    const journal = await (await new TestClient(app).get("/journal")).text();
    expect(journal).toContain("Fin anticipée");
  });
});

describe("the schedule job", () => {
  test("opens and closes on time exactly once, even with several instances at the same moment", async ({
    database,
    db,
  }) => {
    const slugs = await firstProposalSlugs(db);
    const slug = slugs[2] ?? "";
    await sql`update proposal set vote_opens_at = now() - interval '1 minute', vote_closes_at = now() + interval '1 hour'
              where slug = ${slug}`.execute(db);
    const logger = createLogger({ logLevel: "silent" });
    const instances = [0, 1, 2].map(() =>
      createDatabase({ connectionString: database.url, statementTimeoutMs: 5000, poolSize: 2, logger }),
    );
    try {
      const opened = await Promise.all(instances.map(({ db }) => runDueTransitions(db)));
      expect(opened.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await statusOf(db, slug)).toBe("vote_ouvert");
      await sql`update proposal set vote_closes_at = now() where slug = ${slug}`.execute(db);
      const closed = await Promise.all(instances.map(({ db }) => runDueTransitions(db)));
      expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await kindsFor(db, slug)).toEqual(["vote_opened", "vote_closed", "result"]);
    } finally {
      await Promise.all(instances.map(({ db }) => db.destroy()));
    }
  });

  test("sends each reminder once to representatives of organisations that have not voted", async ({ db }) => {
    const slugs = await firstProposalSlugs(db);
    const slug = slugs[3] ?? "";
    const late = await createUser(db, { organisation: "apvf" });
    await sql`update proposal set vote_opens_at = now() - interval '1 minute', vote_closes_at = now() + interval '47 hours'
              where slug = ${slug}`.execute(db);
    const scheduler = startVoteScheduler({
      db: db,
      logger: createLogger({ logLevel: "silent" }),
      signer: testSigner,
      publicOrigin: TEST_ORIGIN,
    });
    try {
      const first = await scheduler.runDue();
      expect(first.transitions).toBe(1);
      const [a, b] = await Promise.all([sendDueReminders(db, TEST_ORIGIN), sendDueReminders(db, TEST_ORIGIN)]);
      const reminders = (
        await db
          .selectFrom("email_outbox")
          .select(["recipient", "subject", "body_text", "template"])
          .where("kind", "=", "vote_reminder")
          .where("recipient", "=", late.email)
          .execute()
      ).map(asWritten);
      expect(first.reminders + a + b).toBeGreaterThanOrEqual(1);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.subject).toContain("48 h");
    } finally {
      await scheduler.stop();
    }
  });
});
