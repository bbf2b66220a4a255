import { type Context, Hono } from "hono";
import { ballotsText as t } from "../../../../views/ballots/ballots.text.js";
import { type JournalEntry, JournalPage } from "../../../../views/ballots/results/JournalPage.js";
import { ResultsMatrixPage } from "../../../../views/ballots/results/ResultsMatrixPage.js";
import { VerifyPage } from "../../../../views/ballots/results/VerifyPage.js";
import { findAuditHead, listAuditEvents } from "../../../audit/chain.js";
import { checkpointKeyOf, findCheckpoints } from "../../../audit/checkpoints.js";
import type { AppEnv, RouteDeps } from "../../../http/env.js";
import { renderPage } from "../../../http/render.js";
import { buildChainExport, buildResults, resultsCsv } from "./export.service.js";
import { listClosedBallots, listOrganisationsForResults, listVoteProposals } from "./results.queries.js";
import { verifyExport } from "./verify.js";

type Ctx = Context<AppEnv>;

/** Public pages and open data: anyone can read and check them, no account needed. */
export function resultsRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.get("/resultats", deps.publicPage, (c) => showResultsMatrix(c, deps));
  app.get("/resultats.json", (c) => sendResultsJson(c, deps));
  app.get("/resultats.csv", (c) => sendResultsCsv(c, deps, ",", "resultats.csv"));
  app.get("/resultats-point-virgule.csv", (c) => sendResultsCsv(c, deps, ";", "resultats-point-virgule.csv"));
  app.get("/journal.json", (c) => sendJournalJson(c, deps));
  // The key that signs the journal's checkpoints: fetch it once, pin its fingerprint (README).
  app.get("/.well-known/concertation-checkpoint-key.json", (c) => sendCheckpointKey(c, deps));
  app.get("/journal", deps.publicPage, (c) => showJournal(c, deps));
  app.get("/verifier", deps.publicPage, (c) => showVerification(c, deps));
  return app;
}

async function showResultsMatrix(c: Ctx, deps: RouteDeps) {
  const { db } = deps;
  const [proposals, organisations, ballots] = await Promise.all([
    listVoteProposals(db),
    listOrganisationsForResults(db),
    listClosedBallots(db),
  ]);
  const choiceOf = new Map(ballots.map((b) => [`${b.proposalId}:${b.organisationId}`, b.choice]));
  const view = {
    proposals: proposals.map((p) => ({ ...p, closed: p.status === "clos" })),
    organisations: organisations.map((o) => ({
      ...o,
      choices: proposals.map((p) => choiceOf.get(`${p.id}:${o.id}`) ?? null),
    })),
  };
  return renderPage(c, <ResultsMatrixPage view={view} />, { title: t.matrix.title });
}

async function sendResultsJson(c: Ctx, deps: RouteDeps) {
  return c.json({ generatedAt: new Date().toISOString(), results: await buildResults(deps.db) });
}

async function sendResultsCsv(c: Ctx, deps: RouteDeps, separator: "," | ";", name: string) {
  return csv(c, await resultsCsv(deps.db, separator), name);
}

async function sendJournalJson(c: Ctx, deps: RouteDeps) {
  return c.json(await buildChainExport(deps.db, checkpointKeyOf(deps.signer)));
}

function sendCheckpointKey(c: Ctx, deps: RouteDeps) {
  return c.json(checkpointKeyOf(deps.signer));
}

async function showJournal(c: Ctx, deps: RouteDeps) {
  const { db } = deps;
  const [events, head, organisations] = await Promise.all([
    listAuditEvents(db),
    findAuditHead(db),
    listOrganisationsForResults(db),
  ]);
  const names = new Map(organisations.map((o) => [o.slug, o.name]));
  const entries: JournalEntry[] = events.reverse().map((e) => ({
    id: e.id,
    kind: e.kind,
    hash: e.hash,
    createdAt: e.createdAt,
    proposal: e.slug ?? null,
    description: describe(e.kind, e.payload, names),
  }));
  return renderPage(c, <JournalPage head={head} entries={entries} />, { title: t.journal.title });
}

async function showVerification(c: Ctx, deps: RouteDeps) {
  const checkpointKey = checkpointKeyOf(deps.signer);
  const pasted = (c.req.query("point") ?? "").slice(0, 20_000);
  const found = findCheckpoints(pasted);
  const error = pasted.trim() !== "" && found.length === 0 ? t.verify.keptNone : undefined;
  const outcome = verifyExport(await buildChainExport(deps.db, checkpointKey), { kept: found });
  const page = (
    <VerifyPage
      outcome={outcome}
      origin={deps.config.publicOrigin}
      fingerprint={checkpointKey.fingerprint}
      kept={{ value: pasted, found: found.length, ...(error ? { error } : {}) }}
    />
  );
  return renderPage(c, page, { title: t.verify.title }, error ? 422 : 200);
}

function describe(kind: string, payload: Record<string, unknown>, names: Map<string, string>): string {
  if (kind === "ballot") {
    const organisation = String(payload.organisation);
    return t.journal.ballotDescription(names.get(organisation) ?? organisation, String(payload.action));
  }
  if (kind === "result") return t.results[payload.result as "adoptee"] ?? "";
  const reason = payload.reason ? ` (${String(payload.reason)})` : "";
  return payload.by ? `${String(payload.by)}${reason}` : "";
}

function csv(
  c: { body: (data: string, status: 200, headers: Record<string, string>) => Response },
  body: string,
  name: string,
) {
  return c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}"`,
  });
}
