import type { Kysely } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import type { Stance } from "../../src/domain/debate.js";
import { createUser } from "../factories.js";
import { TestClient } from "../helpers/client.js";
import { test as base } from "../helpers/context.js";

/** The proposal « stages » and one author, Léa Lecture of APVF. */
async function readingSetup(db: Kysely<Database>) {
  const user = await createUser(db, { organisation: "apvf", name: "Léa Lecture" });
  const mandate = await db.selectFrom("mandate").select("id").where("user_id", "=", user.id).executeTakeFirstOrThrow();
  const author = { id: user.id, organisationId: user.organisationId ?? "", mandateId: mandate.id };
  const proposal = await db.selectFrom("proposal").select("id").where("slug", "=", "stages").executeTakeFirstOrThrow();
  return { proposalId: proposal.id, author };
}

let seq = 0;
/** Straight into the table: the posting rules are tested elsewhere, here we need volume. */
async function insertComment(
  db: Kysely<Database>,
  { proposalId, author }: Awaited<ReturnType<typeof readingSetup>>,
  body: string,
  stance: Stance,
  supportCount = 0,
) {
  seq += 1;
  const row = await db
    .insertInto("comment")
    .values({
      proposal_id: proposalId,
      parent_id: null,
      root_id: null,
      reply_to_id: null,
      depth: 1,
      author_id: author.id,
      organisation_id: author.organisationId,
      mandate_id: author.mandateId,
      stance,
      body,
      idempotency_key: `lecture-${seq}-${Date.now()}`,
      support_count: supportCount,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const test = base.extend<{
  proposalId: string;
  seedComment: (body: string, stance: Stance, supportCount?: number) => Promise<string>;
}>({
  proposalId: async ({ db }, use) => {
    const proposal = await db
      .selectFrom("proposal")
      .select("id")
      .where("slug", "=", "stages")
      .executeTakeFirstOrThrow();
    await use(proposal.id);
  },
  seedComment: async ({ db }, use) => {
    const setup = await readingSetup(db);
    await use((body, stance, supportCount) => insertComment(db, setup, body, stance, supportCount));
  },
});

const idsOnPage = (html: string) =>
  [...html.matchAll(/<li id="c-(\d+)" class="comment comment--depth-1">/g)].map((m) => m[1]);

describe("reading the debate", () => {
  test("counts per stance, filters by stance and sorts by support", async ({ seedComment, app }) => {
    await seedComment("Un argument pour", "pour", 1);
    await seedComment("Un argument contre très soutenu", "contre", 5);
    await seedComment("Un autre contre", "contre", 0);
    await seedComment("Une question", "question", 2);
    const client = new TestClient(app);
    const page = await (await client.get("/propositions/stages")).text();
    expect(page).toMatch(/stance-badge--contre">Contre<\/span> <strong>2<\/strong>/);
    const filtered = await (await client.get("/propositions/stages/debat?position=contre")).text();
    expect(filtered).toContain("Un argument contre très soutenu");
    expect(filtered).toContain("Un autre contre");
    expect(filtered).not.toContain("Un argument pour");
    const bySupport = await (await client.get("/propositions/stages/debat?tri=soutien")).text();
    expect(bySupport.indexOf("Un argument contre très soutenu")).toBeLessThan(bySupport.indexOf("Une question"));
    expect(bySupport.indexOf("Une question")).toBeLessThan(bySupport.indexOf("Un argument pour"));
  });

  test("paginates with « voir plus » (keyset), without repeats or gaps, as a page and for htmx", async ({
    seedComment,
    app,
  }) => {
    for (let i = 0; i < 45; i += 1) await seedComment(`Page ${i}`, "nuance", i % 3);
    const client = new TestClient(app);
    for (const query of ["position=nuance", "position=nuance&tri=soutien"]) {
      const first = await (await client.get(`/propositions/stages/debat?${query}`)).text();
      const seen = idsOnPage(first);
      expect(seen).toHaveLength(20);
      let next = /href="(\/propositions\/stages\/commentaires\?[^"]+)"/.exec(first)?.[1]?.replaceAll("&amp;", "&");
      while (next) {
        const more = await (await client.get(next, { "HX-Request": "true", "HX-Request-Type": "partial" })).text();
        expect(more).toContain('hx-swap-oob="beforeend"');
        seen.push(...idsOnPage(more));
        next = /href="(\/propositions\/stages\/commentaires\?[^"]+)"/.exec(more)?.[1]?.replaceAll("&amp;", "&");
      }
      expect(seen).toHaveLength(45);
      expect(new Set(seen).size).toBe(45);
    }
    const full = await client.get("/propositions/stages/commentaires?position=nuance&apres=999999999");
    expect(full.status).toBe(200);
    expect(await full.text()).toContain("<h1>Débat</h1>");
  });

  test("uses an index for the next page (keyset, no offset scan)", async ({ seedComment, proposalId, db }) => {
    // As many comments as the two tests above leave: the plan is read on a table of that size.
    for (const [body, stance, support] of [
      ["Un argument pour", "pour", 1],
      ["Un argument contre très soutenu", "contre", 5],
      ["Un autre contre", "contre", 0],
      ["Une question", "question", 2],
    ] as const)
      await seedComment(body, stance, support);
    for (let i = 0; i < 45; i += 1) await seedComment(`Page ${i}`, "nuance", i % 3);
    const plan = await db
      .selectFrom("comment")
      .select("id")
      .where("proposal_id", "=", proposalId)
      .where("depth", "=", 1)
      .where("id", "<", "100000")
      .orderBy("id", "desc")
      .limit(21)
      .compile();
    const { rows } = await db.executeQuery<{ "QUERY PLAN": string }>({
      ...plan,
      sql: `explain ${plan.sql}`,
    });
    expect(rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Index/);
  });
});
