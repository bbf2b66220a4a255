import type { VoteResult } from "../../src/domain/ballots.js";
import type { ProposalStatus } from "../../src/domain/proposals.js";
import { ballotsText } from "../ballots/ballots.text.js";
import { formatDayAndTime, formatTimeLeft } from "../common/format.js";
import { text } from "../common/text.js";
import { StatusBadge } from "../components/StatusBadge.js";

export interface ProposalSummaryView {
  number: number;
  slug: string;
  title: string;
  status: ProposalStatus;
  voteOpensAt: Date | null;
  voteClosesAt: Date | null;
  result: VoteResult | null;
  turnout: number;
  eligible: number;
  debate: { comments: number; organisations: number };
}

/** A proposal as a card in a list (home page): where it stands, until when, how many took part. */
export function ProposalCard({ proposal, now }: { proposal: ProposalSummaryView; now: Date }) {
  return (
    <li class="card proposal-card">
      <h3>
        <a href={`/propositions/${proposal.slug}`}>
          <span class="muted">
            {text.proposal.numberPrefix}
            {proposal.number} —{" "}
          </span>
          {proposal.title}
        </a>
      </h3>
      <p class="proposal-card-status">
        <span class="visually-hidden">{text.proposal.status} : </span>
        <StatusBadge status={proposal.status} /> <Deadline proposal={proposal} now={now} />
      </p>
      {proposal.status === "vote_ouvert" || proposal.status === "clos" ? (
        <p class="proposal-card-turnout">
          {ballotsText.vote.turnout(proposal.turnout, proposal.eligible)}
          <progress max={proposal.eligible} value={proposal.turnout} aria-hidden="true" />
        </p>
      ) : null}
      <p class="muted">{text.card.debate(proposal.debate.comments, proposal.debate.organisations)}</p>
    </li>
  );
}

function Deadline({ proposal, now }: { proposal: ProposalSummaryView; now: Date }) {
  const { status, voteOpensAt, voteClosesAt, result } = proposal;
  if (status === "clos") {
    return (
      <span>
        {result ? <strong>{ballotsText.results[result]}</strong> : null}
        {voteClosesAt ? ` ${text.card.closedOn(formatDayAndTime(voteClosesAt))}` : null}
      </span>
    );
  }
  if (status === "vote_ouvert" && voteClosesAt)
    return <span>{text.card.closes(formatDayAndTime(voteClosesAt), formatTimeLeft(voteClosesAt, now))}</span>;
  if (voteOpensAt && voteOpensAt > now) return <span>{text.card.opens(formatDayAndTime(voteOpensAt))}</span>;
  return <span>{text.card.notScheduled}</span>;
}
