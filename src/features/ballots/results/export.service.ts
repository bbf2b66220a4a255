import type { Kysely } from "kysely";
import { GENESIS_HASH } from "../../../audit/canonical-json.js";
import { listAuditEvents } from "../../../audit/chain.js";
import { type CheckpointKey, formatCheckpoint } from "../../../audit/checkpoints.js";
import { listCheckpoints } from "../../../audit/checkpoints.queries.js";
import { CHAIN_EXPORT_FORMAT, type ExportedEvent } from "../../../audit/export-format.js";
import type { Database } from "../../../db/database.js";
import {
  type ClosedBallotRow,
  listClosedBallots,
  listRevealedBallotEvents,
  listVoteProposals,
} from "./results.queries.js";
import { countChoices } from "./tally.js";
import type { BallotChainExport, ExportedResult } from "./view-models/results.model.js";

export async function buildChainExport(db: Kysely<Database>, checkpointKey: CheckpointKey): Promise<BallotChainExport> {
  const [events, reveals, results, checkpoints] = await Promise.all([
    listAuditEvents(db),
    listRevealedBallotEvents(db),
    buildResults(db),
    listCheckpoints(db),
  ]);
  const revealById = new Map(reveals.map((r) => [r.id, { choice: r.choice, reason: r.reason }]));
  const exported: ExportedEvent[] = events.map((e) => {
    const ballotEvent = e.kind === "ballot" ? String(e.payload.ballotEvent) : undefined;
    const reveal = ballotEvent ? revealById.get(ballotEvent) : undefined;
    return {
      id: e.id,
      prevHash: e.prevHash,
      hash: e.hash,
      kind: e.kind,
      payload: e.payload,
      ...(reveal ? { reveal } : {}),
    };
  });
  return {
    format: CHAIN_EXPORT_FORMAT,
    generatedAt: new Date().toISOString(),
    head: exported.at(-1)?.hash ?? GENESIS_HASH,
    events: exported,
    results,
    checkpointKey,
    checkpoints: checkpoints.map(formatCheckpoint),
  };
}

/** Closed votes only, from the ballots table (the chain is the independent witness). */
export async function buildResults(db: Kysely<Database>): Promise<ExportedResult[]> {
  const [proposals, ballots] = await Promise.all([listVoteProposals(db), listClosedBallots(db)]);
  return proposals
    .filter((p) => p.status === "clos")
    .map((p) => {
      const rows = ballots.filter((b) => b.proposalId === p.id);
      return {
        proposal: p.slug,
        title: p.title,
        result: p.result,
        tally: countChoices(rows.map((b) => b.choice)),
        rollCall: rows.map((b) => ({
          organisation: b.organisationSlug,
          choice: b.choice,
          reason: b.reason,
          ballotEvent: b.ballotEvent,
          receipt: b.receipt,
        })),
      };
    });
}

const CSV_HEADER = ["proposition", "organisation", "nom", "college", "type", "choix", "motivation", "recu"];

/** RFC 4180 rows; `;` and a BOM for French spreadsheets. Cells starting like a formula are defused. */
export async function resultsCsv(db: Kysely<Database>, separator: "," | ";"): Promise<string> {
  const rows = await listClosedBallots(db);
  const lines = [CSV_HEADER, ...rows.map(csvRow)].map((cells) =>
    cells.map((c) => csvCell(c, separator)).join(separator),
  );
  return `${separator === ";" ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

function csvRow(b: ClosedBallotRow): string[] {
  return [
    b.proposalSlug,
    b.organisationSlug,
    b.organisationName,
    b.collegeName,
    b.kindLabel,
    b.choice,
    b.reason,
    b.receipt,
  ];
}

function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
