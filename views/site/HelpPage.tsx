import { siteText } from "./site.text.js";

const t = siteText.help;
const s = t.verifySteps;

const SECTIONS = [
  { id: "mandat", heading: t.mandateHeading },
  { id: "debat", heading: t.debateHeading },
  { id: "voter", heading: t.voteHeading },
  { id: "recu", heading: t.receiptHeading },
  { id: "verifier", heading: t.verifyHeading },
] as const;

/** How to take part: the mandate, the debate, the vote, the receipt and the verification of the journal. */
export function HelpPage() {
  return (
    <article class="info-page">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <nav aria-labelledby="sommaire-aide" class="toc">
        <h2 id="sommaire-aide">{t.toc}</h2>
        <ul>
          {SECTIONS.map((section) => (
            <li>
              <a href={`#${section.id}`}>{section.heading}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="mandat">
        <h2 id="mandat">{t.mandateHeading}</h2>
        {t.mandate.map((line) => (
          <p>{line}</p>
        ))}
      </section>

      <section aria-labelledby="debat">
        <h2 id="debat">{t.debateHeading}</h2>
        <p>
          {t.debate} <a href="/charte">{t.debateLink}</a>.
        </p>
      </section>

      <section aria-labelledby="voter">
        <h2 id="voter">{t.voteHeading}</h2>
        <ul>
          {t.vote.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recu">
        <h2 id="recu">{t.receiptHeading}</h2>
        {t.receipt.map((line) => (
          <p>{line}</p>
        ))}
      </section>

      <section aria-labelledby="verifier">
        <h2 id="verifier">{t.verifyHeading}</h2>
        <p>{t.verifyLead}</p>
        <ol>
          <li>
            {s.journal} <a href="/journal">{s.journalLink}</a> {s.journalAfter}
          </li>
          <li>
            {s.online} <a href="/verifier">{s.onlineLink}</a> {s.onlineAfter}
          </li>
          <li>
            {s.local} <a href="/donnees">{s.localLink}</a> {s.localAfter}
            <pre>
              <code>{s.command}</code>
            </pre>
            <p>{s.commandHelp}</p>
          </li>
        </ol>
      </section>

      <section aria-labelledby="plus">
        <h2 id="plus">{t.moreHeading}</h2>
        <p>
          {t.more} <a href="/contact">{siteText.contact.title}</a>.
        </p>
      </section>
    </article>
  );
}
