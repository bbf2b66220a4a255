import { type DiscussionFilter, STANCES, type Stance } from "../../src/domain/debate.js";
import type { CommentView, DiscussionView } from "../../src/features/comments/view-models/comments.model.js";
import { Announcement } from "../components/Announcement.js";
import { CommentForm } from "./CommentForm.js";
import { CommentItem } from "./CommentItem.js";
import { commentsText as t } from "./comments.text.js";

export const COMMENT_LIST_ID = "commentaires";
export const MORE_ID = "plus-de-commentaires";
export const COUNTS_ID = "debat-compteurs";
export const EMPTY_ID = "debat-vide";

export function filterQuery(filter: DiscussionFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.stance) params.set("position", filter.stance);
  if (filter.sort !== "recent") params.set("tri", filter.sort);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The debate region of a proposal page. */
export function Discussion({ view }: { view: DiscussionView }) {
  return (
    <section id="debat" class="discussion" aria-labelledby="debat-titre">
      <h2 id="debat-titre">{t.heading}</h2>
      <p>{t.lead}</p>
      <StanceCounts counts={view.counts} />
      <p>
        <a href="/recherche">{t.searchLink}</a>
      </p>
      <Participation view={view} />
      <Filters view={view} />
      {view.comments.length === 0 ? (
        <p class="muted" id={EMPTY_ID}>
          {view.filter.stance ? t.emptyFiltered : t.empty}
        </p>
      ) : null}
      <ol id={COMMENT_LIST_ID} class="comments" aria-label={t.heading}>
        {view.comments.map((comment) => (
          <CommentItem comment={comment} />
        ))}
      </ol>
      <MoreLink slug={view.proposalSlug} filter={view.filter} cursor={view.nextCursor} />
      <div data-live-url={view.liveUrl} hx-swap="none" hidden />
      {view.scripts.map((src) => (
        <script src={src} defer />
      ))}
    </section>
  );
}

export function StanceCounts({ counts, oob }: { counts: Record<Stance, number>; oob?: boolean }) {
  return (
    <div class="stance-counts" id={COUNTS_ID} hx-swap-oob={oob ? "outerHTML" : undefined}>
      <h3 class="visually-hidden">{t.counts}</h3>
      <ul class="inline-list">
        {STANCES.map((stance) => (
          <li>
            <span class={`stance-badge stance-badge--${stance}`}>{t.stances[stance]}</span>{" "}
            <strong>{counts[stance]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Participation({ view }: { view: DiscussionView }) {
  if (view.closed) {
    const unpublished = view.form?.values.body;
    return (
      <>
        <p class="flash flash--info">{t.closedReason(view.closed.state, view.closed.lockedReason)}</p>
        {unpublished ? (
          <div class="field">
            <label for="texte-non-publie">{t.unpublished}</label>
            <textarea id="texte-non-publie" rows={4} readonly>
              {unpublished}
            </textarea>
          </div>
        ) : null}
      </>
    );
  }
  if (!view.viewer.signedIn) {
    return (
      <p>
        {t.signInToTake}{" "}
        <a href={`/connexion?suite=${encodeURIComponent(`/propositions/${view.proposalSlug}`)}`}>{t.signIn}</a>
      </p>
    );
  }
  return (
    <>
      <FollowForm slug={view.proposalSlug} following={view.viewer.following} />
      {view.form && view.viewer.organisationName ? (
        <CommentForm
          action={`/propositions/${view.proposalSlug}/commentaires`}
          withStance
          organisationName={view.viewer.organisationName}
          state={view.form}
          idPrefix="nouveau"
          submitLabel={t.publish}
        />
      ) : (
        <p class="flash flash--info">{t.noMandate}</p>
      )}
    </>
  );
}

export function FollowForm({ slug, following }: { slug: string; following: boolean }) {
  return (
    <form method="post" action={`/propositions/${slug}/suivre`} class="inline-form follow-form">
      <input type="hidden" name="suivre" value={following ? "non" : "oui"} />
      <button type="submit" class="button--secondary" aria-describedby="suivre-aide">
        {following ? t.unfollow : t.follow}
      </button>{" "}
      <span class="muted" id="suivre-aide">
        {following ? t.following : t.followHint}
      </span>{" "}
      <a href="/compte/notifications">{t.notificationSettings}</a>
    </form>
  );
}

function Filters({ view }: { view: DiscussionView }) {
  return (
    <form method="get" action={`/propositions/${view.proposalSlug}#debat`} class="comment-filters">
      <div class="field">
        <label for="filtre-position">{t.filterLabel}</label>
        <select id="filtre-position" name="position">
          <option value="">{t.all}</option>
          {STANCES.map((stance) => (
            <option value={stance} selected={view.filter.stance === stance}>
              {t.stances[stance]} ({view.counts[stance]})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filtre-tri">{t.sortLabel}</label>
        <select id="filtre-tri" name="tri">
          <option value="recent" selected={view.filter.sort === "recent"}>
            {t.sorts.recent}
          </option>
          <option value="soutien" selected={view.filter.sort === "soutien"}>
            {t.sorts.soutien}
          </option>
        </select>
      </div>
      <button type="submit" class="button--secondary">
        {t.apply}
      </button>
    </form>
  );
}

export function MoreLink({ slug, filter, cursor }: { slug: string; filter: DiscussionFilter; cursor: string | null }) {
  if (!cursor) return <div id={MORE_ID} />;
  const href = `/propositions/${slug}/commentaires${filterQuery(filter, { apres: cursor })}`;
  return (
    <div id={MORE_ID}>
      <a href={href} hx-get={href} hx-target={`#${MORE_ID}`} hx-swap="outerHTML" class="more-link">
        {t.more}
      </a>
    </div>
  );
}

/** "Voir plus": the next comments appended to the list, and the next link in place of this one. */
export function MoreComments({
  slug,
  filter,
  comments,
  cursor,
}: {
  slug: string;
  filter: DiscussionFilter;
  comments: CommentView[];
  cursor: string | null;
}) {
  return (
    <>
      <ol id={COMMENT_LIST_ID} hx-swap-oob="beforeend">
        {comments.map((comment, index) => (
          <CommentItem comment={comment} focus={index === 0 ? "comment" : undefined} />
        ))}
      </ol>
      <MoreLink slug={slug} filter={filter} cursor={cursor} />
      <Announcement message={t.done.more(comments.length)} />
    </>
  );
}
