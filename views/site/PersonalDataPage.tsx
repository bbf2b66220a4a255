import type { RetentionFacts, SiteIdentity } from "../../src/features/site/view-models/site.model.js";
import { siteText } from "./site.text.js";

const t = siteText.privacy;

/** What is stored, why, for how long (the durations the code enforces), and how to exercise one's rights. */
export function PersonalDataPage({ site, retention }: { site: SiteIdentity; retention: RetentionFacts }) {
  return (
    <article class="info-page">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>

      <section aria-labelledby="responsable">
        <h2 id="responsable">{t.controllerHeading}</h2>
        <p>
          {t.controller(site.publisherName)} {siteText.legal.contact}{" "}
          <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
        </p>
      </section>

      <section aria-labelledby="visiteurs">
        <h2 id="visiteurs">{t.visitorsHeading}</h2>
        <p>{t.visitors}</p>
      </section>

      <section aria-labelledby="enregistre">
        <h2 id="enregistre">{t.storedHeading}</h2>
        <p>{t.storedLead}</p>
        <dl class="data-inventory">
          {t.rows(retention).map((row) => (
            <div class="data-item">
              <dt>{row.topic}</dt>
              <dd>
                <span class="data-label">{t.what} : </span>
                {row.what}.
              </dd>
              <dd>
                <span class="data-label">{t.why} : </span>
                {row.why}.
              </dd>
              <dd>
                <span class="data-label">{t.howLong} : </span>
                {row.howLong}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="base-legale">
        <h2 id="base-legale">{t.basisHeading}</h2>
        <p>{t.basis}</p>
      </section>

      <section aria-labelledby="destinataires">
        <h2 id="destinataires">{t.recipientsHeading}</h2>
        <p>{t.recipients}</p>
      </section>

      <section aria-labelledby="public">
        <h2 id="public">{t.publicHeading}</h2>
        <p>{t.public}</p>
      </section>

      <section aria-labelledby="droits">
        <h2 id="droits">{t.rightsHeading}</h2>
        <p>{t.rightsLead}</p>
        <p>{t.rightsLimit}</p>
        <p>
          {t.rightsHow} <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> {t.rightsHowAfter}
        </p>
        <p>
          {t.cnil}{" "}
          <a href="https://www.cnil.fr/fr/plaintes" hreflang="fr">
            {t.cnilLink}
          </a>
          .
        </p>
      </section>
    </article>
  );
}
