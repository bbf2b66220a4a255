import type { JSX } from "hono/jsx/jsx-runtime";
import { ballotsText as t } from "../../../../views/ballots/ballots.text.js";
import type { BallotFormState, VotePanelView } from "../../../../views/ballots/casting/VotePanel.js";
import { VoteSection, type VoteSectionView, VoteStatus } from "../../../../views/ballots/casting/VoteSection.js";
import { Announcement } from "../../../../views/components/Announcement.js";
import type { BallotOutcome } from "../../../domain/ballots.js";
import { can } from "../../../domain/permissions.js";
import type { AppDeps, CurrentUser } from "../../../http/env.js";
import { countOrganisations } from "../lifecycle/lifecycle.queries.js";
import {
  countBallotsByProposal,
  countChoicesForProposal,
  listOrganisationsWithoutBallot,
  listVoteProposals,
  type VoteProposalRow,
} from "../results/results.queries.js";
import { loadResults, rulesOf } from "../results/results.service.js";
import { quorumRequired } from "../results/tally.js";
import { findBallot, listBallotEvents } from "./casting.queries.js";

/** The proposal page's vote region (plugged in by proposal-sections.ts). */
export async function loadVoteSection(
  deps: AppDeps,
  proposalRef: { id: string },
  viewer: CurrentUser | undefined,
  form?: BallotFormState,
  outcome?: BallotOutcome,
): Promise<JSX.Element | undefined> {
  const view = await loadVoteSectionView(deps, proposalRef, viewer, form, outcome);
  return view ? <VoteSection view={view} /> : undefined;
}

/**
 * What a live event about the vote changes on an open page, for this viewer: after a
 * ballot, only the turnout part (never the form someone may be filling in); after an
 * opening, a closing or a new schedule, the whole region. With a spoken summary.
 */
export async function renderVoteEvent(
  deps: AppDeps,
  proposalRef: { id: string },
  viewer: CurrentUser | undefined,
  kind: "ballot_cast" | "vote_scheduled" | "vote_opened" | "vote_closed",
): Promise<JSX.Element | undefined> {
  const view = await loadVoteSectionView(deps, proposalRef, viewer);
  if (!view) return undefined;
  if (kind === "ballot_cast") {
    return (
      <>
        <VoteStatus view={view} oob />
        <Announcement message={t.live.ballotCast(view.turnout, view.rules.eligible)} />
      </>
    );
  }
  const message =
    kind === "vote_opened" ? t.live.voteOpened : kind === "vote_closed" ? t.live.voteClosed : t.live.voteScheduled;
  return (
    <>
      <VoteSection view={view} oob />
      <Announcement message={message} />
    </>
  );
}

async function loadVoteSectionView(
  { db }: AppDeps,
  proposalRef: { id: string },
  viewer: CurrentUser | undefined,
  form?: BallotFormState,
  outcome?: BallotOutcome,
): Promise<VoteSectionView | undefined> {
  const proposal = (await listVoteProposals(db)).find((p) => p.id === proposalRef.id);
  if (!proposal) return undefined;
  const open = proposal.status === "vote_ouvert";
  const [eligible, turnouts] = await Promise.all([countOrganisations(db), countBallotsByProposal(db)]);
  const view: VoteSectionView = {
    slug: proposal.slug,
    title: proposal.title,
    status: proposal.status,
    rules: {
      quorumRequired: quorumRequired(rulesOf(proposal), eligible),
      eligible,
      adoptionRule: proposal.adoptionRule,
      showRunningTally: proposal.showRunningTally,
    },
    turnout: turnouts.get(proposal.id) ?? 0,
    running: open && proposal.showRunningTally ? await runningTally(db, proposal.id) : null,
    missing: open && can(viewer, "moderate") ? await listOrganisationsWithoutBallot(db, proposal.id) : null,
    viewer: !viewer ? "visitor" : viewer.mandate ? "representative" : "no-mandate",
    panel: viewer?.mandate ? await loadPanel(db, proposal, viewer.mandate, form, outcome) : null,
    results: proposal.status === "clos" ? await loadResults(db, proposal) : null,
  };
  return view;
}

async function runningTally(db: AppDeps["db"], proposalId: string) {
  const rows = await countChoicesForProposal(db, proposalId);
  const tally = { pour: 0, contre: 0, abstention: 0, cast: 0 };
  for (const row of rows) {
    tally[row.choice] = Number(row.count);
    tally.cast += Number(row.count);
  }
  return tally;
}

async function loadPanel(
  db: AppDeps["db"],
  proposal: VoteProposalRow,
  mandate: NonNullable<CurrentUser["mandate"]>,
  form: BallotFormState | undefined,
  outcome: BallotOutcome | undefined,
): Promise<VotePanelView | null> {
  if (proposal.status !== "vote_ouvert" && proposal.status !== "clos") return null;
  const [ballot, history] = await Promise.all([
    findBallot(db, proposal.id, mandate.organisationId),
    listBallotEvents(db, proposal.id, mandate.organisationId),
  ]);
  return {
    form,
    outcome,
    organisationId: mandate.organisationId,
    organisationName: mandate.organisationName,
    open: proposal.status === "vote_ouvert",
    ballot: ballot ?? null,
    history,
  };
}
