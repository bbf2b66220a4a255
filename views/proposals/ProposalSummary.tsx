import type { ProposalStatus } from "../../src/domain/proposals.js";
import { text } from "../common/text.js";
import { StatusBadge } from "../components/StatusBadge.js";

export interface ProposalSummaryView {
  number: number;
  slug: string;
  title: string;
  status: ProposalStatus;
}

/** A proposal as a card in a list (home page). */
export function ProposalCard({ proposal }: { proposal: ProposalSummaryView }) {
  return (
    <li class="card">
      <h3>
        <a href={`/propositions/${proposal.slug}`}>
          <span class="muted">
            {text.proposal.numberPrefix}
            {proposal.number} —{" "}
          </span>
          {proposal.title}
        </a>
      </h3>
      <p>
        <span class="visually-hidden">{text.proposal.status} : </span>
        <StatusBadge status={proposal.status} />
      </p>
    </li>
  );
}
