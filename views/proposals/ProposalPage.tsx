import type { JSX } from "hono/jsx/jsx-runtime";
import type { ProposalStatus } from "../../src/domain/proposals.js";
import { formatDateTime, formatTimeLeft, paragraphs } from "../common/format.js";
import { text } from "../common/text.js";
import { StatusBadge } from "../components/StatusBadge.js";

export interface ProposalView {
  number: number;
  slug: string;
  title: string;
  body: string;
  status: ProposalStatus;
  voteOpensAt: Date | null;
  voteClosesAt: Date | null;
}

/** Regions filled by other features (vote and results, discussion); a placeholder shows until they exist. */
export interface ProposalSections {
  vote?: JSX.Element | undefined;
  discussion?: JSX.Element | undefined;
  /** The moderators' synthesis and key arguments; opens the discussion. */
  synthesis?: JSX.Element | undefined;
}

/**
 * The page is laid out around the text: beside it, a side panel with the schedule and the vote
 * (rules, turnout, the organisation's ballot); below, the synthesis and the debate. On phones the
 * panel comes between the text and the debate. Once closed, the results need the full width.
 */
export function ProposalPage({
  proposal,
  sections = {},
  now = new Date(),
}: {
  proposal: ProposalView;
  sections?: ProposalSections;
  /** When the page is drawn: the time left before the close is counted from it. */
  now?: Date;
}) {
  const closed = proposal.status === "clos";
  const vote = sections.vote ?? (
    <section id="resultats" class="placeholder-region" aria-labelledby="resultats-titre">
      <h2 id="resultats-titre">{text.proposal.results}</h2>
      <p>{text.proposal.resultsSoon}</p>
    </section>
  );
  return (
    <article>
      <nav class="breadcrumb" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href="/">{text.nav.home}</a>
          </li>
          <li>
            <a href={`/propositions/${proposal.slug}`} aria-current="page">
              {text.proposal.numberPrefix}
              {proposal.number}
            </a>
          </li>
        </ol>
      </nav>
      <p class="muted">
        {text.proposal.numberPrefix}
        {proposal.number}
      </p>
      <h1>{proposal.title}</h1>
      <p>
        <span class="visually-hidden">{text.proposal.status} : </span>
        <StatusBadge status={proposal.status} /> {text.statusHelp[proposal.status]}
      </p>
      <div class={closed ? "proposal-layout proposal-layout--closed" : "proposal-layout"}>
        <section class="proposal-text" aria-labelledby="texte-officiel">
          <h2 id="texte-officiel">{text.proposal.officialText}</h2>
          <div class="official-text">
            {paragraphs(proposal.body).map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </div>
        </section>
        <div class="proposal-side">
          <Schedule proposal={proposal} now={now} />
          {vote}
        </div>
        <div class="proposal-rest">
          {sections.synthesis}
          {sections.discussion ?? (
            <section id="debat" class="placeholder-region" aria-labelledby="debat-titre">
              <h2 id="debat-titre">{text.proposal.discussion}</h2>
              <p>{text.proposal.discussionSoon}</p>
            </section>
          )}
        </div>
      </div>
    </article>
  );
}

function Schedule({ proposal, now }: { proposal: ProposalView; now: Date }) {
  const { voteOpensAt: opensAt, voteClosesAt: closesAt } = proposal;
  const show = (value: Date | null) =>
    value ? <time datetime={value.toISOString()}>{formatDateTime(value)}</time> : text.proposal.notScheduled;
  const timeLeft = proposal.status === "vote_ouvert" && closesAt ? formatTimeLeft(closesAt, now) : null;
  return (
    <section class="card proposal-schedule" aria-labelledby="calendrier">
      <h2 id="calendrier">{text.proposal.schedule}</h2>
      <dl class="schedule">
        <dt>{text.proposal.opensAt}</dt>
        <dd>{show(opensAt)}</dd>
        <dt>{text.proposal.closesAt}</dt>
        <dd>
          {show(closesAt)}
          {timeLeft ? <strong class="time-left"> ({timeLeft})</strong> : null}
        </dd>
      </dl>
    </section>
  );
}
