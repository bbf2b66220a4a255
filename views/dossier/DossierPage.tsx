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

export interface DossierView {
  proposals: DossierProposalView[];
  generatedAt: Date;
  organisationCount: number;
  /** The journal as this document reflects it: its length and the hash of its last event. */
  journal: { length: number; head: string };
  /** PUBLIC_ORIGIN: every link is written absolute, for paper. */
  origin: string;
  /** The per-journal-head stylesheet that prints the head and the page numbers in the margins. */
  marginsHref: string;
}

/** The subsections of each proposal, numbered 1.1, 1.2… under the proposal's own number. */
const SUBSECTIONS = [
  { key: "texte", title: t.officialText },
  { key: "resultat", title: t.results },
  { key: "synthese", title: t.synthesis },
  { key: "arguments", title: t.keyArguments },
] as const;

type SubsectionKey = (typeof SUBSECTIONS)[number]["key"];

const sectionId = (slug: string, key?: SubsectionKey) => `proposition-${slug}${key ? `-${key}` : ""}`;

/** The printable record for the press and candidates: one A4 document, no interaction needed. */
export function DossierPage({ view }: { view: DossierView }) {
  const { proposals, generatedAt, origin, journal } = view;
  const single = proposals.length === 1 ? proposals[0] : undefined;
  return (
    <article class="dossier">
      <link rel="stylesheet" href={view.marginsHref} />
      <header class="dossier-cover">
        <p class="dossier-kicker">
          {t.kicker} · {t.coalition(view.organisationCount)}
        </p>
        <h1>{single ? single.title : t.allTitle}</h1>
        <p class="dossier-date">
          {t.establishedOn} <time datetime={generatedAt.toISOString()}>{formatDateTime(generatedAt)}</time>
        </p>
        <p>
          {t.sources} <Url origin={origin} path="/donnees" />
        </p>
        <p class="no-print">
          {single ? (
            <>
              <a href="/dossier">{t.fullDossier}</a> ·{" "}
            </>
          ) : null}
          {t.printHint}
        </p>
        <section class="dossier-verify" aria-labelledby="dossier-verification">
          <h2 id="dossier-verification">{t.verifyHeading}</h2>
          <p class="dossier-head-label">{t.headLabel}</p>
          <p>
            <code class="hash dossier-head">{journal.head}</code>
          </p>
          <p class="muted">{t.headHelp(journal.length)}</p>
          <p>{t.howToVerify}</p>
          <ol>
            <li>
              {t.verifySteps.download} <Url origin={origin} path="/journal.json" /> ;
            </li>
            <li>
              {t.verifySteps.recompute} <Url origin={origin} path="/verifier" />, {t.verifySteps.recomputeCli}{" "}
              <code>npm run verify -- {origin}/journal.json</code> ;
            </li>
            <li>{t.verifySteps.compare}</li>
          </ol>
        </section>
      </header>
      <nav class="dossier-contents" aria-labelledby="dossier-sommaire">
        <h2 id="dossier-sommaire">{t.contents}</h2>
        <ol>
          {proposals.map((p) => (
            <li>
              <a href={`#${sectionId(p.slug)}`}>
                <span class="section-number">{p.number}</span> <span class="toc-title">{p.title}</span>
              </a>
              <ol>
                {SUBSECTIONS.map((s, index) => (
                  <li>
                    <a href={`#${sectionId(p.slug, s.key)}`}>
                      <span class="section-number">
                        {p.number}.{index + 1}
                      </span>{" "}
                      <span class="toc-title">{s.title}</span>
                    </a>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </nav>
      {proposals.map((p) => (
        <DossierProposal proposal={p} origin={origin} />
      ))}
    </article>
  );
}

/** A link whose text is its own absolute address: nothing to add to it on paper. */
function Url({ origin, path }: { origin: string; path: string }) {
  return (
    <a class="url" href={`${origin}${path}`}>
      {origin}
      {path}
    </a>
  );
}

function Subsection({ proposal, part }: { proposal: DossierProposalView; part: SubsectionKey }) {
  const index = SUBSECTIONS.findIndex((s) => s.key === part);
  return (
    <h3 id={sectionId(proposal.slug, part)}>
      <span class="section-number">
        {proposal.number}.{index + 1}
      </span>{" "}
      {SUBSECTIONS[index]?.title}
    </h3>
  );
}

function DossierProposal({ proposal, origin }: { proposal: DossierProposalView; origin: string }) {
  const id = sectionId(proposal.slug);
  return (
    <section id={id} class="dossier-proposal" aria-labelledby={`${id}-titre`}>
      <header class="dossier-proposal-head">
        <h2 id={`${id}-titre`}>
          <span class="section-number">{proposal.number}</span> {proposal.title}
        </h2>
        <p class="muted">
          {t.proposal(proposal.number)} · {text.status[proposal.status]} ·{" "}
          <Url origin={origin} path={`/propositions/${proposal.slug}`} />
        </p>
      </header>
      <Subsection proposal={proposal} part="texte" />
      {paragraphs(proposal.body).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <Subsection proposal={proposal} part="resultat" />
      {proposal.results ? (
        <ResultsView
          results={proposal.results}
          title={proposal.title}
          idPrefix={`resultats-${proposal.slug}`}
          headingId={`${id}-titre`}
          origin={origin}
        />
      ) : (
        <p>{t.notClosed}</p>
      )}
      <Subsection proposal={proposal} part="synthese" />
      {proposal.synthesis.html !== null ? (
        <div class="synthesis-body">{raw(proposal.synthesis.html)}</div>
      ) : (
        <p>{t.noSynthesis}</p>
      )}
      <Subsection proposal={proposal} part="arguments" />
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
