import type { AdoptionRule } from "../../../src/domain/ballots.js";
import type { ProposalStatus } from "../../../src/domain/proposals.js";
import { Field, Flash, Select } from "../../components/Form.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { ballotsText as t } from "../ballots.text.js";

export interface VoteAdminRow {
  slug: string;
  number: number;
  title: string;
  status: ProposalStatus;
  /** "YYYY-MM-DDTHH:mm", Paris time, for datetime-local inputs. */
  opensAt: string;
  closesAt: string;
  quorumFraction: string;
  quorumCount: string;
  adoptionRule: AdoptionRule;
  showRunningTally: boolean;
}

/** A refused form: which one, what was typed (raw field names) and the errors (by field base name, or `_form`). */
export interface VoteAdminFailure {
  slug: string;
  form: "calendrier" | "transition";
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** Schedule, rules and manual transitions (each with a reason) for every proposal. */
export function VotesAdminPage({
  rows,
  message,
  failure,
}: {
  rows: VoteAdminRow[];
  message?: string | undefined;
  failure?: VoteAdminFailure | undefined;
}) {
  const failed = (row: VoteAdminRow, form: VoteAdminFailure["form"]) =>
    failure?.slug === row.slug && failure.form === form ? failure : undefined;
  return (
    <article>
      <h1>{t.admin.title}</h1>
      {message ? <Flash kind="success">{message}</Flash> : null}
      {failure ? <Flash kind="error">{t.admin.formError}</Flash> : null}
      {rows.map((row) => (
        <section class="card" aria-labelledby={`vote-${row.slug}`}>
          <h2 id={`vote-${row.slug}`}>
            {row.number}. {row.title} <StatusBadge status={row.status} />
          </h2>
          {row.status === "brouillon" || row.status === "debat" ? (
            <ScheduleForm row={row} failure={failed(row, "calendrier")} />
          ) : null}
          <Transitions row={row} failure={failed(row, "transition")} />
        </section>
      ))}
    </article>
  );
}

function FormError({ failure }: { failure: VoteAdminFailure | undefined }) {
  return failure?.errors._form ? <Flash kind="error">{failure.errors._form}</Flash> : null;
}

function ScheduleForm({ row, failure }: { row: VoteAdminRow; failure?: VoteAdminFailure | undefined }) {
  const id = (name: string) => `${name}-${row.number}`;
  const value = (name: string, saved: string) => failure?.values[id(name)] ?? saved;
  const error = (name: string) => failure?.errors[name];
  const tally = failure ? failure.values[id("decomptes")] === "true" : row.showRunningTally;
  return (
    <form method="post" action={`/admin/votes/${row.slug}/calendrier`}>
      <FormError failure={failure} />
      <Field
        label={t.admin.opensAt}
        name={id("ouverture")}
        type="datetime-local"
        value={value("ouverture", row.opensAt)}
        error={error("ouverture")}
      />
      <Field
        label={t.admin.closesAt}
        name={id("cloture")}
        type="datetime-local"
        value={value("cloture", row.closesAt)}
        error={error("cloture")}
      />
      <Field
        label={t.admin.quorumFraction}
        name={id("quorum")}
        value={value("quorum", row.quorumFraction)}
        error={error("quorum")}
        inputMode="text"
      />
      <Field
        label={t.admin.quorumCount}
        name={id("quorum-nombre")}
        value={value("quorum-nombre", row.quorumCount)}
        error={error("quorum-nombre")}
        inputMode="numeric"
      />
      <Select
        label={t.admin.adoptionRule}
        name={id("regle")}
        value={value("regle", row.adoptionRule)}
        error={error("regle")}
        options={Object.entries(t.adoptionRules).map(([value, label]) => ({ value, label }))}
      />
      <div class="field">
        <label>
          <input type="checkbox" name={id("decomptes")} value="true" checked={tally} /> {t.admin.showRunningTally}
        </label>
      </div>
      <input type="hidden" name="numero" value={String(row.number)} />
      <button type="submit">{t.admin.save}</button>
    </form>
  );
}

function Transitions({ row, failure }: { row: VoteAdminRow; failure?: VoteAdminFailure | undefined }) {
  const action =
    row.status === "brouillon"
      ? { value: "debat", label: t.admin.openDebate }
      : row.status === "debat"
        ? { value: "ouvrir", label: t.admin.openVote }
        : row.status === "vote_ouvert"
          ? { value: "clore", label: t.admin.closeVote }
          : null;
  if (!action) return null;
  const reason = `motif-${row.number}`;
  return (
    <form method="post" action={`/admin/votes/${row.slug}/transition`}>
      <FormError failure={failure} />
      <input type="hidden" name="transition" value={action.value} />
      <Field
        label={t.admin.reason}
        name={reason}
        value={failure?.values[reason] ?? ""}
        error={failure?.errors.motif}
        required
        maxLength={500}
      />
      <input type="hidden" name="numero" value={String(row.number)} />
      <button type="submit">{action.label}</button>
    </form>
  );
}
