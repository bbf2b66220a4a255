import type { Choice } from "../../../../domain/ballots.js";
import type { ProposalStatus } from "../../../../domain/proposals.js";
/** View models: the plain data a page is drawn from, built by the feature, drawn by views/. */
export interface DashboardRow {
  number: number;
  slug: string;
  title: string;
  status: ProposalStatus;
  closesAt: Date | null;
  ballot: { choice: Choice; castByName: string; castAt: Date } | null;
  receipts: { receipt: string; createdAt: Date; choice: Choice }[];
}
