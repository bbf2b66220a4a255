import type { AdoptionRule } from "../../../src/domain/ballots.js";
import type { ProposalStatus } from "../../../src/domain/proposals.js";
import type { ResultsViewModel, TallyView } from "../../../src/features/ballots/results/view-models/results.model.js";
import { ballotsText as t } from "../ballots.text.js";
import { CountsTable, ResultsView } from "../results/ResultsView.js";
import { VotePanel, type VotePanelView } from "./VotePanel.js";

export interface VoteSectionView {
  slug: string;
  title: string;
  status: ProposalStatus;
  rules: { quorumRequired: number; eligible: number; adoptionRule: AdoptionRule; showRunningTally: boolean };
  turnout: number;
  /** Only while open and only if the proposal shows running tallies. */
  running: TallyView | null;
  /** Only for moderators and administrators, while the vote is open. */
  missing: { slug: string; name: string }[] | null;
  viewer: "visitor" | "no-mandate" | "representative";
  panel: VotePanelView | null;
  results: ResultsViewModel | null;
}

export const VOTE_SECTION_ID = "vote";
export const VOTE_STATUS_ID = "vote-etat";

/**
 * The proposal page's vote region: rules, turnout, the organisation's ballot, then results
 * after closing. `oob`: the whole region replaces the one on an open page (a vote opened or closed).
 */
export function VoteSection({ view, oob = false }: { view: VoteSectionView; oob?: boolean }) {
  return (
    <section id={VOTE_SECTION_ID} aria-labelledby="vote-titre" hx-swap-oob={oob ? "outerMorph" : undefined}>
      <h2 id="vote-titre">{view.status === "clos" ? t.result.heading : t.vote.heading}</h2>
      {view.status === "clos" && view.results ? <ResultsView results={view.results} title={view.title} /> : null}
      {view.status !== "clos" ? <Rules view={view} /> : null}
      <VoteStatus view={view} />
      {view.status === "vote_ouvert" || view.status === "clos" ? (
        <p>
          <a href={`/propositions/${view.slug}/seance`}>{t.screen.link}</a>
        </p>
      ) : null}
      <ViewerPart view={view} />
    </section>
  );
}

/**
 * Turnout, running tally and who has not voted yet: what a ballot changes for everyone.
 * `oob`: replaces only this part on an open page, never the form someone is filling in.
 */
export function VoteStatus({ view, oob = false }: { view: VoteSectionView; oob?: boolean }) {
  return (
    <div id={VOTE_STATUS_ID} hx-swap-oob={oob ? "outerMorph" : undefined}>
      {view.status === "vote_ouvert" ? (
        <div class="turnout">
          <p class="lead" id="participation">
            {t.vote.turnout(view.turnout, view.rules.eligible)}
          </p>
          <progress max={view.rules.eligible} value={view.turnout} aria-hidden="true" />
        </div>
      ) : null}
      {view.running ? <CountsTable id="decompte-provisoire" tally={view.running} caption={t.vote.provisional} /> : null}
      {view.missing ? <Missing organisations={view.missing} /> : null}
    </div>
  );
}

function Rules({ view }: { view: VoteSectionView }) {
  return (
    <div class="card">
      <h3>{t.vote.rulesHeading}</h3>
      <ul>
        <li>{t.vote.quorum(view.rules.quorumRequired, view.rules.eligible)}</li>
        <li>{t.vote.adoption(t.adoptionRules[view.rules.adoptionRule])}</li>
        <li>{view.rules.showRunningTally ? t.vote.runningShown : t.vote.runningHidden}</li>
      </ul>
    </div>
  );
}

function Missing({ organisations }: { organisations: { slug: string; name: string }[] }) {
  return (
    <details>
      <summary>
        {t.vote.missingHeading} ({organisations.length})
      </summary>
      {organisations.length === 0 ? (
        <p>{t.vote.allVoted}</p>
      ) : (
        <ul>
          {organisations.map((o) => (
            <li>
              <a href={`/organisations/${o.slug}`}>{o.name}</a>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function ViewerPart({ view }: { view: VoteSectionView }) {
  if (view.panel) return <VotePanel slug={view.slug} panel={view.panel} />;
  if (view.status !== "vote_ouvert") return null;
  if (view.viewer === "visitor") {
    return (
      <p>
        <a href={`/connexion?suite=/propositions/${view.slug}`}>{t.vote.signInToVote}</a>
      </p>
    );
  }
  return <p class="muted">{t.vote.noMandate}</p>;
}
