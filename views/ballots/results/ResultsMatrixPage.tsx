import type { Choice, VoteResult } from "../../../src/domain/ballots.js";
import { groupInOrder } from "../../common/groups.js";
import { TableScroll } from "../../components/TableScroll.js";
import { ballotsText as t } from "../ballots.text.js";

export interface MatrixView {
  proposals: { number: number; slug: string; title: string; closed: boolean; result: VoteResult | null }[];
  organisations: { slug: string; name: string; collegeName: string; choices: (Choice | null)[] }[];
}

/** All organisations × all proposals; open votes stay blank. */
export function ResultsMatrixPage({ view }: { view: MatrixView }) {
  return (
    <article>
      <h1>{t.matrix.title}</h1>
      <p class="lead">{t.matrix.lead}</p>
      <p>
        <a href="/journal">{t.matrix.audit}</a> · <a href="/verifier">{t.journal.verifyLink}</a>
      </p>
      <ExportLinks />
      <TableScroll labelledBy="matrice-titre">
        <table class="data-table matrix">
          <caption id="matrice-titre">{t.matrix.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.result.organisation}</th>
              {view.proposals.map((p) => (
                <th scope="col">
                  <a href={`/propositions/${p.slug}#vote`}>
                    n°{p.number}
                    <span class="visually-hidden"> — {p.title}</span>
                  </a>
                  <br />
                  <span class="muted">{p.closed && p.result ? t.results[p.result] : t.matrix.pending}</span>
                </th>
              ))}
            </tr>
          </thead>
          {groupInOrder(view.organisations, (o) => o.collegeName).map(([college, members]) => (
            <tbody>
              <tr class="group-row">
                <th scope="rowgroup" colspan={view.proposals.length + 1}>
                  {college}
                </th>
              </tr>
              {members.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`/organisations/${o.slug}`}>{o.name}</a>
                  </th>
                  {o.choices.map((choice, index) => (
                    <td>
                      {view.proposals[index]?.closed ? (choice ? t.choices[choice] : t.result.noBallot) : t.matrix.none}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </TableScroll>
    </article>
  );
}

export function ExportLinks() {
  return (
    <nav aria-label={t.matrix.exports}>
      <p>
        {t.matrix.exports} : <a href="/resultats.csv">{t.matrix.csv}</a> ·{" "}
        <a href="/resultats-point-virgule.csv">{t.matrix.csvFr}</a> · <a href="/resultats.json">{t.matrix.json}</a> ·{" "}
        <a href="/journal.json">{t.matrix.chain}</a>
      </p>
    </nav>
  );
}
