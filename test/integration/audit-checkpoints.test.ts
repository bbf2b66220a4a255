import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import { beforeAll, describe, expect } from "vitest";
import { chainHash, GENESIS_HASH } from "../../src/audit/canonical-json.js";
import { appendAuditEvent } from "../../src/audit/chain.js";
import { type Checkpoint, findCheckpoints, hasValidSignature, parsePublicKey } from "../../src/audit/checkpoints.js";
import { signDueCheckpoint } from "../../src/audit/checkpoints.service.js";
import type { Database } from "../../src/db/database.js";
import { buildChainExport } from "../../src/features/ballots/results/export.service.js";
import { verifyExport } from "../../src/features/ballots/results/verify.js";
import type { BallotChainExport as ChainExport } from "../../src/features/ballots/results/view-models/results.model.js";
import { testCheckpointKey, testSigner } from "../helpers/checkpoints.js";
import { type As, test } from "../helpers/context.js";
import { asWritten } from "../helpers/emails.js";
import { closeVoteNow, firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "concertation-checkpoints-"));
});

/** Two open votes in the test's own database: what one test deletes, no other test sees. */
async function journal(db: Kysely<Database>, as: As) {
  const [voteSlug, otherSlug] = (await firstProposalSlugs(db)) as [string, string];
  await openVoteNow(db, voteSlug);
  await openVoteNow(db, otherSlug);

  async function castAs(organisation: string, slug: string, choice: string): Promise<string> {
    const client = await as(organisation);
    const { user } = client;
    const response = await client.post(`/propositions/${slug}/vote`, { choix: choice, motivation: "" });
    expect(response.status).toBe(303);
    const email = await db
      .selectFrom("email_outbox")
      .select(["body_text", "subject", "template"])
      .where("recipient", "=", user.email)
      .where("kind", "=", "ballot_receipt")
      .executeTakeFirstOrThrow();
    return asWritten(email).body_text;
  }

  const chainLength = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from audit_event`.execute(db)).rows[0]?.n);
  const exportNow = () => buildChainExport(db, testCheckpointKey);

  /** What an attacker with SQL access can do: switch the append-only triggers off and delete. */
  async function deleteLastEvents(count: number, { andCheckpoints }: { andCheckpoints: boolean }) {
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(db);
    await sql`delete from audit_event where id in (select id from audit_event order by id desc limit ${count})`.execute(
      db,
    );
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(db);
    if (!andCheckpoints) return;
    await sql`alter table audit_checkpoint disable trigger audit_checkpoint_append_only`.execute(db);
    await sql`delete from audit_checkpoint`.execute(db);
    await sql`alter table audit_checkpoint enable trigger audit_checkpoint_append_only`.execute(db);
  }
  return { voteSlug, otherSlug, castAs, chainLength, exportNow, deleteLastEvents };
}

function runVerify(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/verify.ts", ...args], { cwd: ROOT });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function saved(name: string, content: string): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, content);
  return file;
}

const only = (text: string): Checkpoint => {
  const found = findCheckpoints(text);
  expect(found).toHaveLength(1);
  return found[0] as Checkpoint;
};

describe("signed checkpoints", () => {
  test("puts in every receipt email a signed checkpoint that includes that ballot", async ({ db, as }) => {
    const { voteSlug, castAs, chainLength } = await journal(db, as);
    const receipt = await castAs("apvf", voteSlug, "pour");
    const checkpoint = only(receipt);
    const publicKey = parsePublicKey(testCheckpointKey.publicKey);
    expect(publicKey && hasValidSignature(checkpoint, publicKey)).toBe(true);
    const ballot = await db
      .selectFrom("ballot")
      .innerJoin("organisation", "organisation.id", "ballot.organisation_id")
      .select("ballot.receipt")
      .where("organisation.slug", "=", "apvf")
      .executeTakeFirstOrThrow();
    expect(checkpoint.head).toBe(ballot.receipt);
    expect(checkpoint.length).toBe(await chainLength());
    expect(receipt).toContain(ballot.receipt);
  });

  test("publishes its key at a well-known address and its checkpoints in the export", async ({ db, app, as }) => {
    const { voteSlug, castAs } = await journal(db, as);
    const kept = only(await castAs("apvf", voteSlug, "pour"));
    const response = await app.request("/.well-known/concertation-checkpoint-key.json");
    expect(response.status).toBe(200);
    const key = (await response.json()) as typeof testCheckpointKey;
    expect(key).toEqual(testCheckpointKey);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const doc = (await (await app.request("/journal.json")).json()) as ChainExport;
    expect(doc.checkpoints?.length).toBeGreaterThan(0);
    expect(doc.checkpointKey?.fingerprint).toBe(key.fingerprint);
    expect(verifyExport(doc, { kept: [kept], pinnedFingerprint: key.fingerprint })).toMatchObject({
      ok: true,
      witnessed: { keyFingerprint: key.fingerprint },
    });
  });

  test("signs when a vote closes and when the head has moved for ten minutes, once whatever the callers", async ({
    db,
    as,
  }) => {
    const { otherSlug, castAs, chainLength } = await journal(db, as);
    await castAs("alliance-usagers-soins-proximite", otherSlug, "contre");
    expect(await signDueCheckpoint(db, testSigner)).toBeUndefined(); // the receipt signed this head
    await db
      .transaction()
      .execute((trx) => appendAuditEvent(trx, { kind: "debate_opened", proposalId: null, data: { proposal: "test" } }));
    expect(await signDueCheckpoint(db, testSigner)).toBeUndefined(); // moved, but less than 10 min ago
    const later = new Date(Date.now() + 11 * 60 * 1000);
    const calls = await Promise.all(Array.from({ length: 5 }, () => signDueCheckpoint(db, testSigner, { now: later })));
    expect(calls.filter(Boolean)).toHaveLength(1);
    expect(calls.find(Boolean)).toMatchObject({ reason: "periodic", length: await chainLength() });
    await closeVoteNow(db, otherSlug);
    const closing = await Promise.all([signDueCheckpoint(db, testSigner), signDueCheckpoint(db, testSigner)]);
    expect(closing.filter(Boolean)).toEqual([
      expect.objectContaining({ reason: "vote_close", length: await chainLength() }),
    ]);
  });

  test("catches events deleted from the end through the site's own checkpoints", async ({ db, as }) => {
    const { voteSlug, castAs, exportNow, deleteLastEvents } = await journal(db, as);
    await castAs("apvf", voteSlug, "pour");
    expect(verifyExport(await exportNow())).toMatchObject({ ok: true });
    await deleteLastEvents(1, { andCheckpoints: false });
    const outcome = verifyExport(await exportNow());
    expect(outcome.ok ? "" : outcome.message).toContain("supprimés en fin de journal");
  });

  test("catches events and the site's checkpoints deleted together, through one kept receipt", async ({
    db,
    app,
    as,
  }) => {
    const { voteSlug, otherSlug, castAs, chainLength, exportNow, deleteLastEvents } = await journal(db, as);
    const receipt = await castAs("apvf", voteSlug, "pour");
    const kept = only(receipt);
    await castAs("alliance-usagers-soins-proximite", otherSlug, "contre");
    const receiptFile = await saved("recu.eml", receipt);
    const checked = await app.request(`/verifier?point=${encodeURIComponent(receipt)}`);
    expect(checked.status).toBe(200);
    expect(await checked.text()).toContain("dont 1 que vous avez collé");
    const garbage = await app.request("/verifier?point=bonjour");
    expect(garbage.status).toBe(422);
    expect(await garbage.text()).toContain("Aucun point de contrôle reconnu");
    const exportFile = await saved("avant.json", JSON.stringify(await exportNow()));
    const intact = await runVerify([exportFile, "--points", receiptFile, "--cle", testCheckpointKey.fingerprint]);
    expect(intact.output).toContain("point(s) de contrôle");
    expect(intact.code).toBe(0);

    await deleteLastEvents((await chainLength()) - kept.length + 1, { andCheckpoints: true });
    const truncated = await exportNow();
    // Without a witness the cut chain looks perfect: this is why receipts carry checkpoints.
    expect(verifyExport(truncated)).toMatchObject({ ok: true });
    const caught = verifyExport(truncated, { kept: [kept] });
    expect(caught.ok ? "" : caught.message).toContain("supprimés en fin de journal");

    const pasted = await app.request(`/verifier?point=${encodeURIComponent(receipt)}`);
    expect(await pasted.text()).toContain("supprimés en fin de journal");

    const cli = await runVerify([await saved("apres.json", JSON.stringify(truncated)), "--points", receiptFile]);
    expect(cli.code).toBe(1);
    expect(cli.output).toContain("ÉCHEC");
    expect(cli.output).toContain("supprimés en fin de journal");
  });

  test("catches a rewritten history even when every hash after it was recomputed", async ({ db, as }) => {
    const { voteSlug, castAs, exportNow } = await journal(db, as);
    const kept = only(await castAs("apvf", voteSlug, "contre"));
    const doc = await exportNow();
    const rewritten: ChainExport = { ...doc, checkpoints: [], events: structuredClone(doc.events) };
    const target = rewritten.events[0];
    if (!target) throw new Error("empty chain");
    target.payload = { ...target.payload, reason: "réécrit" };
    let prev = GENESIS_HASH;
    for (const event of rewritten.events) {
      event.prevHash = prev;
      event.hash = chainHash(prev, event.payload);
      prev = event.hash;
    }
    rewritten.head = prev;
    expect(verifyExport(rewritten)).toMatchObject({ ok: true });
    const outcome = verifyExport(rewritten, { kept: [kept] });
    expect(outcome.ok ? "" : outcome.message).toContain("l'historique a été réécrit");
  });

  test("refuses a forged checkpoint and an export signed by another key than the pinned one", async ({ db, as }) => {
    const { voteSlug, castAs, exportNow } = await journal(db, as);
    const kept = only(await castAs("apvf", voteSlug, "pour"));
    const doc = await exportNow();
    const forged = verifyExport(doc, { kept: [{ ...kept, length: kept.length - 1 }] });
    expect(forged.ok ? "" : forged.message).toContain("signature invalide");
    const pinned = verifyExport(doc, { pinnedFingerprint: "0".repeat(64) });
    expect(pinned.ok ? "" : pinned.message).toContain("n'est pas celle que vous avez épinglée");
  });
});
