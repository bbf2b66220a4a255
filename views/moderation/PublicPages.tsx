import { MODERATION_RULES, type ModerationRule } from "../../src/domain/moderation.js";
import { formatDateTime } from "../common/format.js";
import { Flash, Select, TextArea } from "../components/Form.js";
import { TableScroll } from "../components/TableScroll.js";
import { ruleHelp, ruleLabel, moderationText as t } from "./moderation.text.js";

export const ruleOptions = MODERATION_RULES.map((rule) => ({ value: rule, label: ruleLabel(rule) }));

export function CharterPage() {
  return (
    <article>
      <h1>{t.charter.title}</h1>
      <p>{t.charter.lead}</p>
      <h2>{t.charter.rules}</h2>
      <dl class="charter-rules">
        {MODERATION_RULES.map((rule) => (
          <>
            <dt id={`regle-${rule}`}>{ruleLabel(rule)}</dt>
            <dd>{ruleHelp(rule)}</dd>
          </>
        ))}
      </dl>
      <p>{t.charter.contest}</p>
      <p>
        <a href="/journal-de-moderation">{t.charter.journalLink}</a>
      </p>
    </article>
  );
}

export interface ReportPageProps {
  commentId: string;
  back: string;
  state?: "envoye" | "deja" | undefined;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

export function ReportPage({ commentId, back, state, values = {}, errors = {} }: ReportPageProps) {
  return (
    <article>
      <h1>{t.report.title}</h1>
      {state === "envoye" ? <Flash kind="success">{t.report.done}</Flash> : null}
      {state === "deja" ? <Flash kind="info">{t.report.already}</Flash> : null}
      {state ? null : (
        <>
          <p>
            {t.report.lead} <a href="/charte">{t.charter.title}</a>
          </p>
          <form method="post" action={`/commentaires/${commentId}/signaler`}>
            <Select
              label={t.report.rule}
              name="regle"
              value={values.regle}
              error={errors.regle}
              options={ruleOptions}
              placeholder={t.report.rulePlaceholder}
              required
            />
            <TextArea
              label={t.report.note}
              name="precisions"
              value={values.precisions}
              error={errors.precisions}
              maxLength={1000}
              rows={4}
            />
            <button type="submit">{t.report.submit}</button>
          </form>
        </>
      )}
      <p>
        <a href={back}>{t.report.back}</a>
      </p>
    </article>
  );
}

export interface JournalEntryView {
  id: string;
  kind: string;
  createdAt: Date;
  role: string;
  rule: ModerationRule | null;
  target: string;
  targetHref: string | null;
  reason: string | null;
}

export function ModerationJournalPage({ entries }: { entries: JournalEntryView[] }) {
  return (
    <article>
      <h1>{t.journal.title}</h1>
      <p>
        {t.journal.lead} <a href="/charte">{t.charter.title}</a> · <a href="/journal">Chaîne d'audit</a>
      </p>
      {entries.length === 0 ? <p>{t.journal.empty}</p> : <JournalTable entries={entries} />}
    </article>
  );
}

export function JournalTable({ entries }: { entries: JournalEntryView[] }) {
  return (
    <TableScroll labelledBy="journal-moderation-tableau">
      <table class="data-table moderation-journal">
        <caption id="journal-moderation-tableau" class="visually-hidden">
          {t.journal.title}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.journal.when}</th>
            <th scope="col">{t.journal.what}</th>
            <th scope="col">{t.journal.who}</th>
            <th scope="col">{t.journal.rule}</th>
            <th scope="col">{t.journal.target}</th>
            <th scope="col">{t.journal.reason}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr id={`decision-${entry.id}`}>
              <td>
                <time datetime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
              </td>
              <td>{t.journal.kinds[entry.kind] ?? entry.kind}</td>
              <td>{t.journal.roles[entry.role] ?? entry.role}</td>
              <td>{entry.rule ? ruleLabel(entry.rule) : "—"}</td>
              <td>{entry.targetHref ? <a href={entry.targetHref}>{entry.target}</a> : entry.target}</td>
              <td>{entry.reason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
