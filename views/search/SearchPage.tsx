import type { Child } from "hono/jsx";
import { MAX_SEARCH_LENGTH, type MarkedText } from "../../src/domain/search.js";
import type {
  CommentHit,
  HitGroup,
  OrganisationHit,
  ProposalHit,
  SearchResults,
  SearchView,
} from "../../src/features/search/view-models/search.model.js";
import { formatDateTime } from "../common/format.js";
import { DemoBadge, StatusBadge } from "../components/StatusBadge.js";
import { searchText as t } from "./search.text.js";

/** Text with its matched words in <mark>; every part is escaped text. */
function Marked({ parts }: { parts: MarkedText }) {
  return <>{parts.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</>;
}

function SearchForm({ view }: { view: SearchView }) {
  const error = view.refusal === "too-long" ? t.tooLong : undefined;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is a search landmark in every browser; <search> is not yet
    <form method="get" action="/recherche" class="search-form" role="search" aria-labelledby="recherche-titre">
      <div class="field">
        <label for="recherche-q">{t.label}</label>
        <p class="muted" id="recherche-q-aide">
          {t.hint}
        </p>
        <div class="search-form__row">
          <input
            id="recherche-q"
            name="q"
            type="search"
            value={view.query}
            maxlength={MAX_SEARCH_LENGTH}
            aria-describedby={error ? "recherche-q-aide recherche-q-erreur" : "recherche-q-aide"}
            aria-invalid={error ? "true" : undefined}
          />
          <button type="submit">{t.button}</button>
        </div>
        {error ? (
          <p class="field-error" id="recherche-q-erreur">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function Group<T>(props: { id: string; label: string; group: HitGroup<T>; render: (hit: T) => Child }) {
  const { id, label, group } = props;
  return (
    <section class="search-group" aria-labelledby={id}>
      <h2 id={id}>{t.groupHeading(label, group.hits.length, group.more)}</h2>
      {group.hits.length === 0 ? (
        <p class="muted">{t.noneOfKind}</p>
      ) : (
        <ol class="search-results">{group.hits.map((hit) => props.render(hit))}</ol>
      )}
      {group.more ? <p class="search-more">{t.more(group.limit)}</p> : null}
    </section>
  );
}

function ProposalResult({ hit }: { hit: ProposalHit }) {
  return (
    <li>
      <p class="search-results__title">
        <a href={`/propositions/${hit.slug}`}>
          {t.proposalNumber(hit.number)} — <Marked parts={hit.title} />
        </a>{" "}
        <StatusBadge status={hit.status} />
      </p>
      <p class="excerpt">
        <Marked parts={hit.excerpt} />
      </p>
    </li>
  );
}

function OrganisationResult({ hit }: { hit: OrganisationHit }) {
  return (
    <li>
      <p class="search-results__title">
        <a href={`/organisations/${hit.slug}`}>
          <Marked parts={hit.name} />
        </a>
        {hit.isDemo ? (
          <>
            {" "}
            <DemoBadge />
          </>
        ) : null}
      </p>
      <p class="muted">
        <Marked parts={hit.kindLabel} /> · <Marked parts={hit.collegeName} />
      </p>
    </li>
  );
}

function CommentResult({ hit }: { hit: CommentHit }) {
  return (
    <li>
      <p class="search-results__title">
        <a href={`/commentaires/${hit.id}#c-${hit.id}`}>
          <span class="visually-hidden">{t.commentBy} </span>
          {hit.authorName} — {hit.organisationName}
        </a>{" "}
        <span class="muted">
          {t.onProposal(hit.proposalNumber, hit.proposalTitle)} ·{" "}
          <time datetime={hit.createdAt.toISOString()}>{formatDateTime(hit.createdAt)}</time>
        </span>
      </p>
      <p class="excerpt">
        <Marked parts={hit.excerpt} />
      </p>
    </li>
  );
}

function Results({ query, results }: { query: string; results: SearchResults }) {
  const total = results.proposals.hits.length + results.organisations.hits.length + results.comments.hits.length;
  if (total === 0) {
    return (
      <div class="search-empty" role="status">
        <p>
          <strong>{t.summary(query, 0)}</strong>
        </p>
        <p>{t.noneHelp}</p>
      </div>
    );
  }
  return (
    <>
      <p role="status">{t.summary(query, total)}</p>
      <Group
        id="resultats-propositions"
        label={t.proposals}
        group={results.proposals}
        render={(hit) => <ProposalResult hit={hit} />}
      />
      <Group
        id="resultats-organisations"
        label={t.organisations}
        group={results.organisations}
        render={(hit) => <OrganisationResult hit={hit} />}
      />
      <Group
        id="resultats-commentaires"
        label={t.comments}
        group={results.comments}
        render={(hit) => <CommentResult hit={hit} />}
      />
    </>
  );
}

/** The search page: the form with the query kept, then the results grouped by kind. */
export function SearchPage({ view }: { view: SearchView }) {
  return (
    <>
      <h1 id="recherche-titre">{t.heading}</h1>
      <p class="lead">{t.intro}</p>
      <SearchForm view={view} />
      {view.results ? <Results query={view.query} results={view.results} /> : null}
    </>
  );
}
