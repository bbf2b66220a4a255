import type { Choice, VoteResult } from "../../../../domain/ballots.js";
import type { ProposalStatus } from "../../../../domain/proposals.js";

/**
 * One organisation's seat on the meeting screen: while the vote is open, only whether it has
 * voted (never its choice); once closed, its choice (null: it did not vote).
 */
export interface SeatView {
  slug: string;
  name: string;
  collegeName: string;
  voted: boolean;
  choice: Choice | null;
}

/** The « écran de séance » of one proposal: what a plenary meeting projects. */
export interface ScreenView {
  slug: string;
  number: number;
  title: string;
  status: ProposalStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  /** When the view was drawn: the time left is counted from it. */
  drawnAt: Date;
  eligible: number;
  turnout: number;
  quorumRequired: number;
  seats: SeatView[];
  /** Once closed. */
  result: VoteResult | null;
  tally: { pour: number; contre: number; abstention: number } | null;
}
