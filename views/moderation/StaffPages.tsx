import type {
  ModeratedCommentView,
  ProposalLinkView,
  QueueItemView,
} from "../../src/features/moderation/view-models/moderation.model.js";
import { formatDateTime } from "../common/format.js";
import { Field, Flash, Select, TextArea } from "../components/Form.js";
import { ruleLabel, moderationText as t } from "./moderation.text.js";
import { ruleOptions } from "./PublicPages.js";

export function QueuePage({
  items,
  proposals,
  message,
}: {
  items: QueueItemView[];
  proposals: ProposalLinkView[];
  message?: string | undefined;
}) {
  return (
    <article>
      <h1>{t.queue.title}</h1>
      {message ? <Flash kind="success">{message}</Flash> : null}
      <p>
        {t.queue.lead} <a href="/journal-de-moderation">{t.queue.journal}</a> · <a href="/charte">{t.queue.charter}</a>
      </p>
      {items.length === 0 ? (
        <p>{t.queue.empty}</p>
      ) : (
        <ol class="moderation-queue">
          {items.map((item) => (
            <li>
              <QueueItem item={item} />
            </li>
          ))}
        </ol>
      )}
      <h2>{t.queue.threads}</h2>
      <ul>
        {proposals.map((p) => (
          <li>
            <a href={`/moderation/propositions/${p.slug}`}>
              n°{p.number} — {p.title}
            </a>
            {p.locked ? <> ({t.queue.locked})</> : null}
          </li>
        ))}
      </ul>
    </article>
  );
}

function QueueItem({ item }: { item: QueueItemView }) {
  return (
    <article class="card queue-item" aria-labelledby={`signalement-${item.id}`}>
      <h2 id={`signalement-${item.id}`} class="h3">
        {t.queue.reports(item.reportCount)} — {item.authorName} ({item.organisationName})
      </h2>
      <p class="muted">
        {t.queue.proposal} : <a href={`/propositions/${item.proposalSlug}`}>{item.proposalTitle}</a> ·{" "}
        {t.queue.firstReport} {formatDateTime(item.firstReportAt)}
      </p>
      <p>
        {t.queue.rules} : {item.rules.map((rule) => ruleLabel(rule as never)).join(", ")}
      </p>
      <blockquote class="moderation-body">{item.body}</blockquote>
      <p class="queue-actions">
        <a class="button" href={`/moderation/commentaires/${item.id}`}>
          {t.queue.examine}
          <span class="visually-hidden">{t.queue.examineHidden(item.authorName)}</span>
        </a>
      </p>
    </article>
  );
}

export interface ActionFormState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

export function CommentModerationPage({
  comment,
  form = {},
}: {
  comment: ModeratedCommentView;
  form?: ActionFormState;
}) {
  const base = `/moderation/commentaires/${comment.id}`;
  const values = form.values ?? {};
  const errors = form.errors ?? {};
  return (
    <article>
      <h1>{t.queue.commentOf(comment.authorName)}</h1>
      {Object.keys(errors).length > 0 ? <Flash kind="error">{Object.values(errors)[0]}</Flash> : null}
      <p class="muted">
        {comment.organisationName} · {t.queue.reports(comment.reportCount)} ·{" "}
        <a href={`/commentaires/${comment.rootId ?? comment.id}#c-${comment.id}`}>{t.queue.context}</a>
      </p>
      <h2>{t.queue.hiddenBody}</h2>
      <blockquote class="moderation-body">{comment.body}</blockquote>
      {comment.notes.length > 0 ? (
        <>
          <h2>{t.queue.notes}</h2>
          <ul>
            {comment.notes.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      {comment.hidden ? (
        <form method="post" action={`${base}/retablir`} aria-labelledby="action-retablir">
          <h2 id="action-retablir">{t.queue.restore}</h2>
          <TextArea
            label={t.queue.reasonFor.restore}
            name="motif"
            value={values.motif}
            error={errors.motif}
            rows={3}
            required
          />
          <button type="submit">{t.queue.restore}</button>
        </form>
      ) : (
        <form method="post" action={`${base}/masquer`} aria-labelledby="action-masquer">
          <h2 id="action-masquer">{t.queue.hide}</h2>
          <Select
            label={t.queue.rule}
            name="regle"
            value={values.regle}
            error={errors.regle}
            options={ruleOptions}
            placeholder={t.queue.rulePlaceholder}
            required
          />
          <TextArea
            label={t.queue.reasonFor.hide}
            name="motif"
            value={values.motif}
            error={errors.motif}
            rows={3}
            required
          />
          <button type="submit">{t.queue.hide}</button>
        </form>
      )}
      <OtherActions comment={comment} base={base} values={values} errors={errors} />
    </article>
  );
}

function OtherActions({
  comment,
  base,
  values,
  errors,
}: {
  comment: ModeratedCommentView;
  base: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <>
      {comment.reportCount > 0 ? (
        <form method="post" action={`${base}/classer`} aria-labelledby="action-classer">
          <h2 id="action-classer">{t.queue.dismiss}</h2>
          <Field
            label={t.queue.reasonFor.dismiss}
            name="motif-classement"
            value={values["motif-classement"]}
            error={errors["motif-classement"]}
          />
          <button type="submit" class="button--secondary">
            {t.queue.dismiss}
          </button>
        </form>
      ) : null}
      {comment.hidden ? null : (
        <form method="post" action={`${base}/${comment.pinned ? "desepingler" : "epingler"}`}>
          <h2>{t.queue.pin}</h2>
          <button type="submit" class="button--secondary">
            {comment.pinned ? t.queue.unpin : t.queue.pin}
          </button>
        </form>
      )}
      <form
        method="post"
        action={`/moderation/personnes/${comment.authorId}/${comment.authorSuspended ? "reactiver" : "suspendre"}`}
        aria-labelledby="action-compte"
      >
        <h2 id="action-compte">
          {comment.authorSuspended ? t.queue.reinstate : t.queue.suspend} {comment.authorName}
        </h2>
        <input type="hidden" name="commentaire" value={comment.id} />
        <Field
          label={comment.authorSuspended ? t.queue.reasonFor.reinstate : t.queue.reasonFor.suspend}
          name="motif-compte"
          value={values["motif-compte"]}
          error={errors["motif-compte"]}
          required={!comment.authorSuspended}
        />
        <button type="submit" class="button--danger">
          {comment.authorSuspended ? t.queue.reinstate : t.queue.suspend}
        </button>
      </form>
    </>
  );
}

export function ProposalModerationPage({
  proposal,
  synthesis,
  form = {},
}: {
  proposal: { slug: string; number: number; title: string; lockedReason: string | null };
  synthesis: { body: string; version: number; published: boolean } | null;
  form?: ActionFormState;
}) {
  const base = `/moderation/propositions/${proposal.slug}`;
  const errors = form.errors ?? {};
  return (
    <article>
      <h1>{t.queue.proposalHeading(proposal.number, proposal.title)}</h1>
      {Object.keys(errors).length > 0 ? <Flash kind="error">{Object.values(errors)[0]}</Flash> : null}
      {proposal.lockedReason !== null ? (
        <form method="post" action={`${base}/deverrouiller`}>
          <h2>{t.queue.unlock}</h2>
          <p>
            {t.queue.lockedBecause} {proposal.lockedReason}
          </p>
          <button type="submit">{t.queue.unlock}</button>
        </form>
      ) : (
        <form method="post" action={`${base}/verrouiller`}>
          <h2>{t.queue.lock}</h2>
          <Field label={t.queue.reasonFor.lock} name="motif" error={errors.motif} required />
          <button type="submit">{t.queue.lock}</button>
        </form>
      )}
      <form method="post" action={`${base}/synthese`}>
        <h2>{t.synthesis.title}</h2>
        {synthesis ? <p class="muted">{t.queue.synthesisVersion(synthesis.version, synthesis.published)}</p> : null}
        <TextArea
          label={t.queue.synthesisLabel}
          name="synthese"
          value={form.values?.synthese ?? synthesis?.body}
          error={errors.synthese}
          rows={12}
          required
        />
        <button type="submit">{t.queue.synthesisSubmit}</button>
      </form>
    </article>
  );
}
