import type { Choice } from "../../../src/domain/ballots.js";
import type {
  GroupRow,
  ResultsViewModel,
  RollCallRow,
  TallyView,
} from "../../../src/features/ballots/results/view-models/results.model.js";
import { ballotsText as t } from "../ballots.text.js";
import { BarChart } from "./BarChart.js";

const CHOICES: Choice[] = ["pour", "contre", "abstention"];

function share(count: number, total: number): string {
  return total === 0 ? "0,0 %" : `${((count * 100) / total).toFixed(1).replace(".", ",")} %`;
}

/** Counts, chart and table, breakdowns and the public roll-call of a closed vote. */
export function ResultsView({
  results,
  title,
  chartId = "graphique-resultats",
  origin = "",
}: {
  results: ResultsViewModel;
  title: string;
  /** Distinct per chart when several results share a page (the printable dossier). */
  chartId?: string;
  /** Prefix of every link: the printable dossier writes them absolute, for paper. */
  origin?: string;
}) {
  const { tally } = results;
  return (
    <div class="results">
      <p class="lead">
        <strong>
          {t.result.outcome} : {results.result ? t.results[results.result] : "—"}
        </strong>
        {" — "}
        {t.result.quorumLine(tally.cast, results.quorumRequired)}
      </p>
      <BarChart
        id={chartId}
        title={t.result.chartTitle(title)}
        bars={CHOICES.map((choice) => ({ choice, count: tally[choice] }))}
        total={tally.cast}
      />
      <CountsTable tally={tally} />
      <GroupTable caption={t.result.byCollege} rows={results.byCollege} />
      <GroupTable caption={t.result.byKind} rows={results.byKind} />
      <RollCall rows={results.rollCall} origin={origin} />
      {results.resultHash ? (
        <p class="muted">
          {t.result.head} : <code class="hash">{results.resultHash}</code> (
          <a class="url" href={`${origin}/journal`}>
            {origin}/journal
          </a>
          , <a href={`${origin}/verifier`}>{t.journal.verifyLink}</a>)
        </p>
      ) : null}
    </div>
  );
}

export function CountsTable({ tally, caption = t.result.countsCaption }: { tally: TallyView; caption?: string }) {
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.result.choice}</th>
          <th scope="col">{t.result.count}</th>
          <th scope="col">{t.result.share}</th>
        </tr>
      </thead>
      <tbody>
        {CHOICES.map((choice) => (
          <tr>
            <th scope="row">{t.choices[choice]}</th>
            <td>{tally[choice]}</td>
            <td>{share(tally[choice], tally.cast)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t.result.total}</th>
          <td>{tally.cast}</td>
          <td>{share(tally.cast, tally.cast)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function GroupTable({ caption, rows }: { caption: string; rows: GroupRow[] }) {
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.result.group}</th>
          {CHOICES.map((choice) => (
            <th scope="col">{t.choices[choice]}</th>
          ))}
          <th scope="col">{t.result.noBallot}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            {CHOICES.map((choice) => (
              <td>{row[choice]}</td>
            ))}
            <td>{row.members - row.cast}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RollCall({ rows, origin }: { rows: RollCallRow[]; origin: string }) {
  return (
    <table class="data-table roll-call">
      <caption>{t.result.rollCall}</caption>
      <thead>
        <tr>
          <th scope="col">{t.result.organisation}</th>
          <th scope="col">{t.result.choice}</th>
          <th scope="col">{t.result.reasonColumn}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">
              <a href={`${origin}/organisations/${row.organisationSlug}`}>{row.organisationName}</a>
            </th>
            <td>{row.choice ? t.choices[row.choice] : t.result.noBallot}</td>
            <td>{row.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
