import type { SiteMapProposal } from "../../src/features/site/view-models/site.model.js";
import { siteText } from "./site.text.js";

const t = siteText.siteMap;

function Links({ links }: { links: readonly { href: string; label: string }[] }) {
  return (
    <ul>
      {links.map((link) => (
        <li>
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}

/** Every public page, the proposals (from the database) and the member area's entry points. */
export function SiteMapPage({ proposals }: { proposals: SiteMapProposal[] }) {
  return (
    <article class="info-page">
      <h1>{t.title}</h1>
      <section aria-labelledby="plan-public">
        <h2 id="plan-public">{t.publicHeading}</h2>
        <Links links={t.publicPages} />
      </section>
      <section aria-labelledby="plan-propositions">
        <h2 id="plan-propositions">{t.proposalsHeading}</h2>
        <Links
          links={proposals.map((p) => ({ href: `/propositions/${p.slug}`, label: t.proposal(p.number, p.title) }))}
        />
      </section>
      <section aria-labelledby="plan-membres">
        <h2 id="plan-membres">{t.membersHeading}</h2>
        <p>{t.membersLead}</p>
        <Links links={t.memberPages} />
      </section>
      <section aria-labelledby="plan-informations">
        <h2 id="plan-informations">{t.infoHeading}</h2>
        <Links links={t.infoPages} />
      </section>
    </article>
  );
}
