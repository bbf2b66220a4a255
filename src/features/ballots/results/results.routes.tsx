import { Hono } from "hono";
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

/** Public pages and open data: anyone can read and check them, no account needed. */
export function resultsRoutes({ db, config, signer, publicPage }: RouteDeps) {
  const app = new Hono<AppEnv>();
  const checkpointKey = checkpointKeyOf(signer);

  app.get("/resultats", publicPage, async (c) => {
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
  });

  app.get("/resultats.json", async (c) =>
    c.json({ generatedAt: new Date().toISOString(), results: await buildResults(db) }),
  );
  app.get("/resultats.csv", async (c) => csv(c, await resultsCsv(db, ","), "resultats.csv"));
  app.get("/resultats-point-virgule.csv", async (c) =>
    csv(c, await resultsCsv(db, ";"), "resultats-point-virgule.csv"),
  );
  app.get("/journal.json", async (c) => c.json(await buildChainExport(db, checkpointKey)));
  // The key that signs the journal's checkpoints: fetch it once, pin its fingerprint (README).
  app.get("/.well-known/concertation-checkpoint-key.json", (c) => c.json(checkpointKey));

  app.get("/journal", publicPage, async (c) => {
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
  });

  app.get("/verifier", publicPage, async (c) => {
    const pasted = (c.req.query("point") ?? "").slice(0, 20_000);
    const found = findCheckpoints(pasted);
    const error = pasted.trim() !== "" && found.length === 0 ? t.verify.keptNone : undefined;
    const outcome = verifyExport(await buildChainExport(db, checkpointKey), { kept: found });
    const page = (
      <VerifyPage
        outcome={outcome}
        origin={config.publicOrigin}
        fingerprint={checkpointKey.fingerprint}
        kept={{ value: pasted, found: found.length, ...(error ? { error } : {}) }}
      />
    );
    return renderPage(c, page, { title: t.verify.title }, error ? 422 : 200);
  });
  return app;
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
