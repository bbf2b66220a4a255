import { canonicalJson, sha256Hex } from "../../../audit/canonical-json.js";

/**
 * What a ballot event publishes before closing: a commitment to the choice and
 * reason. The per-proposal salt (revealed at closing) keeps it from being guessed
 * from the three possible choices; the event id makes equal votes hash differently.
 */
export function ballotCommitment(input: {
  saltHex: string;
  ballotEvent: string;
  organisation: string;
  choice: string;
  reason: string;
}): string {
  return sha256Hex(canonicalJson(input));
}
