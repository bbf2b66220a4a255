import type { SiteIdentity } from "../../src/features/site/view-models/site.model.js";
import { siteText } from "./site.text.js";

const t = siteText.legal;

/** Publisher, publication director, host, licences and credits; the deployment's values come from its configuration. */
export function LegalNoticePage({ site }: { site: SiteIdentity }) {
  return (
    <article class="info-page">
      <h1>{t.title}</h1>

      <section aria-labelledby="editeur">
        <h2 id="editeur">{t.publisherHeading}</h2>
        <p>{t.publisher}</p>
        <address class="postal">
          {site.publisherName}
          <br />
          {site.publisherAddress}
        </address>
        <p>
          {t.contact} <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
        </p>
      </section>

      <section aria-labelledby="directeur">
        <h2 id="directeur">{t.directorHeading}</h2>
        <p>{site.publicationDirector}</p>
      </section>

      <section aria-labelledby="hebergement">
        <h2 id="hebergement">{t.hostingHeading}</h2>
        <p>{t.hosting}</p>
        <address class="postal">{site.hostingProvider}</address>
        <p>{t.hostingData}</p>
      </section>

      <section aria-labelledby="propriete">
        <h2 id="propriete">{t.propertyHeading}</h2>
        <p>{t.proposals}</p>
        <p>{t.comments}</p>
        <p>
          {t.openDataBefore}{" "}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" hreflang="fr">
            {t.openDataLicence}
          </a>{" "}
          {t.openDataAfter} <a href="/donnees">{t.openDataPage}</a>.
        </p>
        <p>{t.marks}</p>
      </section>

      <section aria-labelledby="credits">
        <h2 id="credits">{t.creditsHeading}</h2>
        <p>{t.credits}</p>
      </section>

      <section aria-labelledby="voir-aussi">
        <h2 id="voir-aussi">{t.linksHeading}</h2>
        <ul>
          <li>
            <a href="/donnees-personnelles">{siteText.privacy.title}</a>
          </li>
          <li>
            <a href="/accessibilite">{siteText.accessibility.title}</a>
          </li>
          <li>
            <a href="/charte">{siteText.footer.charter}</a>
          </li>
        </ul>
      </section>
    </article>
  );
}
