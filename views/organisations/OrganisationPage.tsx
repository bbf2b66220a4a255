import type { JSX } from "hono/jsx/jsx-runtime";
import { text } from "../common/text.js";
import { DemoBadge } from "../components/StatusBadge.js";

export interface OrganisationView {
  slug: string;
  name: string;
  description: string;
  website: string | null;
  isDemo: boolean;
  kindLabel: string;
  collegeName: string;
}

export function OrganisationPage({
  organisation,
  positions,
}: {
  organisation: OrganisationView;
  /** Filled by the ballots feature; a placeholder shows without it. */
  positions?: JSX.Element | undefined;
}) {
  return (
    <article>
      <nav class="breadcrumb" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href="/organisations">{text.organisations.back}</a>
          </li>
          <li>
            <a href={`/organisations/${organisation.slug}`} aria-current="page">
              {organisation.name}
            </a>
          </li>
        </ol>
      </nav>
      <h1>
        {organisation.name}
        {organisation.isDemo ? (
          <>
            {" "}
            <DemoBadge />
          </>
        ) : null}
      </h1>
      {organisation.isDemo ? <p class="flash">{text.organisations.demoNotice}</p> : null}
      {organisation.description ? <p class="lead">{organisation.description}</p> : null}
      <dl class="schedule">
        <dt>{text.organisations.kind}</dt>
        <dd>{organisation.kindLabel}</dd>
        <dt>{text.organisations.college}</dt>
        <dd>{organisation.collegeName}</dd>
        {organisation.website ? (
          <>
            <dt>{text.organisations.website}</dt>
            <dd>
              <a href={organisation.website} rel="noopener">
                {organisation.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {positions ?? (
        <section class="placeholder-region" aria-labelledby="positions">
          <h2 id="positions">{text.organisations.positions}</h2>
          <p>{text.organisations.positionsSoon}</p>
        </section>
      )}
    </article>
  );
}
