import type { ProposalStatus } from "../../src/domain/proposals.js";
import { text } from "../common/text.js";

export function StatusBadge({ status }: { status: ProposalStatus }) {
  return <span class={`badge badge--${status}`}>{text.status[status]}</span>;
}

export function DemoBadge() {
  return <span class="badge badge--demo">{text.demoBadge}</span>;
}
