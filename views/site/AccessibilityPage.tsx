import type { SiteIdentity } from "../../src/features/site/view-models/site.model.js";
import { siteText } from "./site.text.js";

const t = siteText.accessibility;

/** The RGAA accessibility statement: commitment, conformity, checks, known issues, feedback and recourse. */
export function AccessibilityPage({ site }: { site: SiteIdentity }) {
  return (
    <article class="info-page">
      <h1>{t.title}</h1>
      <p>{t.commitment(site.publisherName)}</p>
      <p>
        {t.scope} <a href={site.publicOrigin}>{site.publicOrigin}</a>.
      </p>

      <section aria-labelledby="etat">
        <h2 id="etat">{t.stateHeading}</h2>
        <p>
          <strong>{t.state}</strong>
        </p>
        <p>{t.noAudit}</p>
      </section>

      <section aria-labelledby="verifications">
        <h2 id="verifications">{t.checksHeading}</h2>
        <p>{t.checksDate}</p>
        <h3>{t.automaticHeading}</h3>
        <ul>
          {t.automatic.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        <h3>{t.manualHeading}</h3>
        <ul>
          {t.manual.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        <p>{t.notDone}</p>
      </section>

      <section aria-labelledby="non-conformites">
        <h2 id="non-conformites">{t.issuesHeading}</h2>
        <p>{t.issuesLead}</p>
        <ul>
          {t.issues.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        <h3>{t.derogationsHeading}</h3>
        <p>{t.derogations}</p>
        <h3>{t.exemptHeading}</h3>
        <p>{t.exempt}</p>
      </section>

      <section aria-labelledby="technologies">
        <h2 id="technologies">{t.technologiesHeading}</h2>
        <ul>
          {t.technologies.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        <h3>{t.environmentHeading}</h3>
        <p>{t.environment}</p>
      </section>

      <section aria-labelledby="retour">
        <h2 id="retour">{t.feedbackHeading}</h2>
        <p>{t.feedback}</p>
        <p>
          {t.feedbackLink} : <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
        </p>
        <p>
          {t.otherWays} <a href="/contact">{siteText.contact.title}</a>.
        </p>
      </section>

      <section aria-labelledby="recours">
        <h2 id="recours">{t.recourseHeading}</h2>
        <p>{t.recourse}</p>
        <ul>
          <li>
            <a href="https://formulaire.defenseurdesdroits.fr/" hreflang="fr">
              {t.recourseWays.form}
            </a>
            {" ;"}
          </li>
          <li>
            <a href="https://www.defenseurdesdroits.fr/saisir/delegues" hreflang="fr">
              {t.recourseWays.delegate}
            </a>
            {" ;"}
          </li>
          <li>
            {t.recourseWays.post}
            <address class="postal">
              {t.postalAddress.map((line) => (
                <>
                  {line}
                  <br />
                </>
              ))}
            </address>
          </li>
        </ul>
      </section>
    </article>
  );
}
