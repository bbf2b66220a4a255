import type { Choice } from "../domain/ballots.js";
import type { CheckpointKey } from "./checkpoints.js";

/** The public export: what `npm run verify` and /verifier read. Plain JSON, no app code needed to check it. */
export const CHAIN_EXPORT_FORMAT = "concertation-audit-chain/1";

export interface ExportedEvent {
  id: string;
  prevHash: string;
  hash: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Ballot events of closed votes: the choice and reason behind the commitment. */
  reveal?: { choice: Choice; reason: string };
}

/** `Result`: what the feature that owns the results publishes beside the chain (ballots: ExportedResult). */
export interface ChainExport<Result = unknown> {
  format: typeof CHAIN_EXPORT_FORMAT;
  generatedAt: string;
  head: string;
  events: ExportedEvent[];
  /** Results as the site shows them (from the ballots table), checked against the chain. */
  results: Result[];
  /** The key that signs checkpoints (absent from exports made before checkpoints existed). */
  checkpointKey?: CheckpointKey;
  /** Every checkpoint the site has signed, oldest first, one line each (see src/audit/checkpoints.ts). */
  checkpoints?: string[];
}
