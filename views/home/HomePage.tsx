import { text } from "../common/text.js";
import { Flash } from "../components/Form.js";
import { ProposalCard, type ProposalSummaryView } from "../proposals/ProposalSummary.js";

export interface HomePageProps {
  proposals: ProposalSummaryView[];
  organisationCount: number;
  kindCount: number;
  notice?: string | undefined;
  /** When the page is drawn: the time left before a close is counted from it. */
  now: Date;
}

export function HomePage({ proposals, organisationCount, kindCount, notice, now }: HomePageProps) {
  return (
    <>
      {notice ? <Flash kind="success">{notice}</Flash> : null}
      <h1>{text.home.title}</h1>
      <p class="lead">{text.home.lead(organisationCount)}</p>
      <section aria-labelledby="propositions">
        <h2 id="propositions">{text.home.proposalsHeading}</h2>
        <ul class="card-list">
          {proposals.map((proposal) => (
            <ProposalCard proposal={proposal} now={now} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="coalition">
        <h2 id="coalition">{text.home.coalitionHeading}</h2>
        <p>{text.home.coalitionText(organisationCount, kindCount)}</p>
        <p>
          <a href="/organisations">{text.home.seeOrganisations}</a>
        </p>
      </section>
    </>
  );
}
