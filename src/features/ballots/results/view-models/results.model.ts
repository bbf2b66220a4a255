import type { ChainExport } from "../../../../audit/export-format.js";
import type { Choice, Tally, VoteResult } from "../../../../domain/ballots.js";

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

/** View models: the plain data a page is drawn from, built by the feature, drawn by views/. */
export interface TallyView {
  pour: number;
  contre: number;
  abstention: number;
  cast: number;
}

export interface GroupRow extends TallyView {
  label: string;
  members: number;
}

export interface RollCallRow {
  organisationSlug: string;
  organisationName: string;
  collegeName: string;
  choice: Choice | null;
  reason: string;
}

export interface ResultsViewModel {
  result: VoteResult | null;
  tally: TallyView;
  eligible: number;
  quorumRequired: number;
  resultHash: string | null;
  byCollege: GroupRow[];
  byKind: GroupRow[];
  rollCall: RollCallRow[];
}
