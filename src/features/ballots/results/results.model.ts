import type { ChainExport } from "../../../audit/export-format.js";
import type { Choice, VoteResult } from "../../../domain/ballots.js";
import type { Tally } from "./tally.js";

/** The results as published in the chain export, each checked against the chain by `npm run verify`. */
export interface ExportedRollCallEntry {
  organisation: string;
  choice: Choice;
  reason: string;
  ballotEvent: string;
  receipt: string;
}

export interface ExportedResult {
  proposal: string;
  title: string;
  result: VoteResult | null;
  tally: Tally;
  rollCall: ExportedRollCallEntry[];
}

export type BallotChainExport = ChainExport<ExportedResult>;
