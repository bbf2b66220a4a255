import type { AdoptionRule, ProposalStatus } from "../../src/db/database.js";
import { Field, Flash, Select } from "../components/Form.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { ballotsText as t } from "./ballots.text.js";

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

/** Schedule, rules and manual transitions (each with a reason) for every proposal. */
export function VotesAdminPage({ rows, message }: { rows: VoteAdminRow[]; message?: string | undefined }) {
  return (
    <article>
      <h1>{t.admin.title}</h1>
      {message ? <Flash kind="success">{message}</Flash> : null}
      {rows.map((row) => (
        <section class="card" aria-labelledby={`vote-${row.slug}`}>
          <h2 id={`vote-${row.slug}`}>
            {row.number}. {row.title} <StatusBadge status={row.status} />
          </h2>
          {row.status === "brouillon" || row.status === "debat" ? <ScheduleForm row={row} /> : null}
          <Transitions row={row} />
        </section>
      ))}
    </article>
  );
}

function ScheduleForm({ row }: { row: VoteAdminRow }) {
  const id = (name: string) => `${name}-${row.number}`;
  return (
    <form method="post" action={`/admin/votes/${row.slug}/calendrier`}>
      <Field label={t.admin.opensAt} name={id("ouverture")} type="datetime-local" value={row.opensAt} />
      <Field label={t.admin.closesAt} name={id("cloture")} type="datetime-local" value={row.closesAt} />
      <Field label={t.admin.quorumFraction} name={id("quorum")} value={row.quorumFraction} inputMode="text" />
      <Field label={t.admin.quorumCount} name={id("quorum-nombre")} value={row.quorumCount} inputMode="numeric" />
      <Select
        label={t.admin.adoptionRule}
        name={id("regle")}
        value={row.adoptionRule}
        options={Object.entries(t.adoptionRules).map(([value, label]) => ({ value, label }))}
      />
      <div class="field">
        <label>
          <input type="checkbox" name={id("decomptes")} value="true" checked={row.showRunningTally} />{" "}
          {t.admin.showRunningTally}
        </label>
      </div>
      <input type="hidden" name="numero" value={String(row.number)} />
      <button type="submit">{t.admin.save}</button>
    </form>
  );
}

function Transitions({ row }: { row: VoteAdminRow }) {
  const action =
    row.status === "brouillon"
      ? { value: "debat", label: t.admin.openDebate }
      : row.status === "debat"
        ? { value: "ouvrir", label: t.admin.openVote }
        : row.status === "vote_ouvert"
          ? { value: "clore", label: t.admin.closeVote }
          : null;
  if (!action) return null;
  return (
    <form method="post" action={`/admin/votes/${row.slug}/transition`}>
      <input type="hidden" name="transition" value={action.value} />
      <Field label={t.admin.reason} name={`motif-${row.number}`} required maxLength={500} />
      <input type="hidden" name="numero" value={String(row.number)} />
      <button type="submit">{action.label}</button>
    </form>
  );
}
