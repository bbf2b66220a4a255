import type { DashboardRow } from "../../../src/features/ballots/casting/view-models/casting.model.js";
import { formatDateTime } from "../../common/format.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { ballotsText as t } from "../ballots.text.js";

/** A representative's overview: open votes first in reading order, deadlines, what the organisation did, receipts. */
export function DashboardPage({ organisation, rows }: { organisation: string; rows: DashboardRow[] }) {
  return (
    <article>
      <h1>{t.dashboard.title}</h1>
      <p class="lead">{t.dashboard.lead(organisation)}</p>
      <ul class="card-list">
        {rows.map((row) => (
          <li class="card">
            <h2>
              <a href={`/propositions/${row.slug}#vote`}>
                {row.number}. {row.title}
              </a>
            </h2>
            <dl class="schedule">
              <dt>{t.dashboard.status}</dt>
              <dd>
                <StatusBadge status={row.status} />
              </dd>
              <dt>{t.dashboard.deadline}</dt>
              <dd>{row.closesAt ? formatDateTime(row.closesAt) : "—"}</dd>
              <dt>{t.dashboard.done}</dt>
              <dd>
                {row.ballot
                  ? `${t.choices[row.ballot.choice]} — ${t.vote.castBy(row.ballot.castByName, formatDateTime(row.ballot.castAt))}`
                  : t.dashboard.none}
              </dd>
            </dl>
            {row.status === "vote_ouvert" ? <a href={`/propositions/${row.slug}#vote`}>{t.dashboard.vote}</a> : null}
            {row.receipts.length > 0 ? (
              <details>
                <summary>{t.dashboard.receipts}</summary>
                <ul>
                  {row.receipts.map((r) => (
                    <li>
                      {formatDateTime(r.createdAt)} — {t.choices[r.choice]} — <code class="hash">{r.receipt}</code>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </article>
  );
}
