import type { Choice } from "../../../src/domain/ballots.js";
import type {
  GroupRow,
  ResultsViewModel,
  RollCallRow,
  TallyView,
} from "../../../src/features/ballots/results/view-models/results.model.js";
import { groupInOrder } from "../../common/groups.js";
import { TableScroll } from "../../components/TableScroll.js";
import { ballotsText as t } from "../ballots.text.js";
import { BarChart } from "./BarChart.js";
import { CollegeBars } from "./CollegeBars.js";
import { SeatsChart } from "./SeatsChart.js";

const CHOICES: Choice[] = ["pour", "contre", "abstention"];

function share(count: number, total: number): string {
  return total === 0 ? "0,0 %" : `${((count * 100) / total).toFixed(1).replace(".", ",")} %`;
}

/** A table's region is named by its caption, and by the proposal's heading where several results share a page. */
const regionName = (captionId: string, headingId: string | undefined) =>
  headingId ? `${captionId} ${headingId}` : captionId;

/** Counts, chart and table, breakdowns and the public roll-call of a closed vote. */
export function ResultsView({
  results,
  title,
  idPrefix = "resultats",
  headingId,
  origin = "",
}: {
  results: ResultsViewModel;
  title: string;
  /** Distinct when several results share a page (the printable dossier): the chart's and tables' ids start with it. */
  idPrefix?: string;
  /** There, the heading of the proposal, which completes each table's name. */
  headingId?: string;
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
        id={`${idPrefix}-graphique`}
        title={t.result.chartTitle(title)}
        bars={CHOICES.map((choice) => ({ choice, count: tally[choice] }))}
        total={tally.cast}
      />
      <SeatsChart id={`${idPrefix}-sieges`} rows={results.rollCall} />
      <CountsTable id={`${idPrefix}-decompte`} headingId={headingId} tally={tally} />
      <CollegeBars id={`${idPrefix}-colleges-graphique`} rows={results.byCollege} />
      <GroupTable
        id={`${idPrefix}-colleges`}
        headingId={headingId}
        caption={t.result.byCollege}
        rows={results.byCollege}
      />
      <GroupTable id={`${idPrefix}-types`} headingId={headingId} caption={t.result.byKind} rows={results.byKind} />
      <RollCall id={`${idPrefix}-appel`} headingId={headingId} rows={results.rollCall} origin={origin} />
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

export function CountsTable({
  id,
  headingId,
  tally,
  caption = t.result.countsCaption,
}: {
  /** The caption's id, which names the table's scroll region (with the heading's, if given). */
  id: string;
  headingId?: string | undefined;
  tally: TallyView;
  caption?: string;
}) {
  return (
    <TableScroll labelledBy={regionName(id, headingId)}>
      <table class="data-table">
        <caption id={id}>{caption}</caption>
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
    </TableScroll>
  );
}

function GroupTable({
  id,
  headingId,
  caption,
  rows,
}: {
  id: string;
  headingId: string | undefined;
  caption: string;
  rows: GroupRow[];
}) {
  return (
    <TableScroll labelledBy={regionName(id, headingId)}>
      <table class="data-table">
        <caption id={id}>{caption}</caption>
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
    </TableScroll>
  );
}

function RollCall({
  id,
  headingId,
  rows,
  origin,
}: {
  id: string;
  headingId: string | undefined;
  rows: RollCallRow[];
  origin: string;
}) {
  return (
    <TableScroll labelledBy={regionName(id, headingId)}>
      <table class="data-table roll-call">
        <caption id={id}>{t.result.rollCall}</caption>
        <thead>
          <tr>
            <th scope="col">{t.result.organisation}</th>
            <th scope="col">{t.result.choice}</th>
            <th scope="col">{t.result.reasonColumn}</th>
          </tr>
        </thead>
        {groupInOrder(rows, (row) => row.collegeName).map(([college, members]) => (
          <tbody>
            <tr class="group-row">
              <th scope="rowgroup" colspan={3}>
                {college}
              </th>
            </tr>
            {members.map((row) => (
              <tr>
                <th scope="row">
                  <a href={`${origin}/organisations/${row.organisationSlug}`}>{row.organisationName}</a>
                </th>
                <td>{row.choice ? t.choices[row.choice] : t.result.noBallot}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}
