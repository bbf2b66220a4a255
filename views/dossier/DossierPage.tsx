import { raw } from "hono/html";
import type { ProposalStatus } from "../../src/domain/proposals.js";
import type { ResultsViewModel } from "../../src/features/ballots/results/view-models/results.model.js";
import { ResultsView } from "../ballots/results/ResultsView.js";
import { formatDateTime, paragraphs } from "../common/format.js";
import { text } from "../common/text.js";
import type { SynthesisView } from "../moderation/SynthesisSection.js";
import { dossierText as t } from "./dossier.text.js";

export interface DossierProposalView {
  number: number;
  slug: string;
  title: string;
  body: string;
  status: ProposalStatus;
  results: ResultsViewModel | null;
  synthesis: SynthesisView;
}

/** The printable record for the press and candidates: one A4 document, no interaction needed. */
export function DossierPage({ proposals, generatedAt }: { proposals: DossierProposalView[]; generatedAt: Date }) {
  const single = proposals.length === 1 ? proposals[0] : undefined;
  return (
    <article class="dossier">
      <header class="dossier-cover">
        <p class="muted">{t.kicker}</p>
        <h1>{single ? single.title : t.allTitle}</h1>
        <p>
          {t.establishedOn} <time datetime={generatedAt.toISOString()}>{formatDateTime(generatedAt)}</time> {t.sources}
        </p>
        <p class="no-print">
          {single ? (
            <>
              <a href="/dossier">{t.fullDossier}</a> ·{" "}
            </>
          ) : null}
          {t.printHint}
        </p>
        {single ? null : (
          <nav aria-label={t.contents}>
            <ol>
              {proposals.map((p) => (
                <li>
                  <a href={`#proposition-${p.slug}`}>{t.proposal(p.number, p.title)}</a>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </header>
      {proposals.map((p) => (
        <DossierProposal proposal={p} />
      ))}
    </article>
  );
}

function DossierProposal({ proposal }: { proposal: DossierProposalView }) {
  const id = `proposition-${proposal.slug}`;
  return (
    <section id={id} class="dossier-proposal" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>{t.proposal(proposal.number, proposal.title)}</h2>
      <p class="muted">
        {text.status[proposal.status]} · <a href={`/propositions/${proposal.slug}`}>/propositions/{proposal.slug}</a>
      </p>
      <h3>{t.officialText}</h3>
      {paragraphs(proposal.body).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <h3>{t.results}</h3>
      {proposal.results ? (
        <ResultsView results={proposal.results} title={proposal.title} chartId={`graphique-${proposal.slug}`} />
      ) : (
        <p>{t.notClosed}</p>
      )}
      <h3>{t.synthesis}</h3>
      {proposal.synthesis.html !== null ? (
        <div class="synthesis-body">{raw(proposal.synthesis.html)}</div>
      ) : (
        <p>{t.noSynthesis}</p>
      )}
      <h3>{t.keyArguments}</h3>
      {proposal.synthesis.keyArguments.length === 0 ? (
        <p>{t.noKeyArguments}</p>
      ) : (
        <ul class="key-arguments">
          {proposal.synthesis.keyArguments.map((item) => (
            <li>
              <strong>
                {item.organisationName}
                {item.stanceLabel ? ` (${item.stanceLabel})` : ""}
              </strong>{" "}
              — {item.excerpt}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
