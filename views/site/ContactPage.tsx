import type { SiteIdentity } from "../../src/features/site/view-models/site.model.js";
import { siteText } from "./site.text.js";

const t = siteText.contact;

/** How to reach the secretariat and the moderators, and what to write for each kind of request. */
export function ContactPage({ site }: { site: SiteIdentity }) {
  return (
    <article class="info-page">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p class="contact-address">
        <a href={`mailto:${site.contactEmail}`}>{t.writeTo(site.contactEmail)}</a>
      </p>
      <section aria-labelledby="sujets">
        <h2 id="sujets">{t.aboutHeading}</h2>
        <h3>{t.topics.accountTitle}</h3>
        <p>{t.topics.account}</p>
        <h3>{t.topics.moderationTitle}</h3>
        <p>
          {t.topics.moderationBefore} <a href="/charte">{t.topics.moderationLink}</a>.
        </p>
        <h3>{t.topics.accessibilityTitle}</h3>
        <p>{t.topics.accessibility}</p>
        <p>
          <a href="/accessibilite">{t.topics.accessibilityLink}</a>
        </p>
        <h3>{t.topics.privacyTitle}</h3>
        <p>{t.topics.privacy}</p>
        <p>
          <a href="/donnees-personnelles">{t.topics.privacyLink}</a>
        </p>
      </section>
      <p class="muted">{t.noReply}</p>
    </article>
  );
}
