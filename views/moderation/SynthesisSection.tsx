import { raw } from "hono/html";
import { formatDateTime } from "../common/format.js";
import { moderationText as t } from "./moderation.text.js";

export interface KeyArgumentView {
  id: string;
  rootId: string | null;
  organisationName: string;
  stanceLabel: string | null;
  excerpt: string;
}

export interface SynthesisView {
  html: string | null;
  version: number | null;
  publishedAt: Date | null;
  keyArguments: KeyArgumentView[];
}

/** Opens the discussion: the moderators' synthesis (already rendered by the comment markdown subset) and key arguments. */
export function SynthesisSection({ view }: { view: SynthesisView }) {
  if (view.html === null && view.keyArguments.length === 0) return null;
  return (
    <section id="synthese" class="synthesis" aria-labelledby="synthese-titre">
      <h2 id="synthese-titre">{t.synthesis.title}</h2>
      {view.html !== null && view.publishedAt ? (
        <>
          <p class="muted">
            {t.synthesis.byline(view.version)} {formatDateTime(view.publishedAt)}
          </p>
          <div class="synthesis-body" hx-ignore>
            {raw(view.html)}
          </div>
        </>
      ) : null}
      <KeyArguments items={view.keyArguments} />
    </section>
  );
}

export function KeyArguments({ items, headingLevel = 3 }: { items: KeyArgumentView[]; headingLevel?: 2 | 3 }) {
  if (items.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading>{t.synthesis.keyArguments}</Heading>
      <ul class="key-arguments">
        {items.map((item) => (
          <li>
            <a href={`/commentaires/${item.rootId ?? item.id}#c-${item.id}`}>
              {item.organisationName}
              {item.stanceLabel ? ` (${item.stanceLabel})` : ""}
            </a>{" "}
            — {item.excerpt}
          </li>
        ))}
      </ul>
    </>
  );
}
