import type { Choice } from "../../../src/domain/ballots.js";
import type { ProposalStatus } from "../../../src/domain/proposals.js";
import { TableScroll } from "../../components/TableScroll.js";
import { ballotsText as t } from "../ballots.text.js";

export interface PositionRow {
  number: number;
  slug: string;
  title: string;
  status: ProposalStatus;
  choice: Choice | null;
  reason: string;
}

/** An organisation's choices on closed votes; open votes stay secret until closing. */
export function OrganisationPositions({ rows }: { rows: PositionRow[] }) {
  const closed = rows.filter((r) => r.status === "clos");
  return (
    <section>
      <h2>{t.positions.heading}</h2>
      {closed.length === 0 ? (
        <p>{t.positions.none}</p>
      ) : (
        <TableScroll labelledBy="positions-tableau">
          <table class="data-table">
            <caption id="positions-tableau" class="visually-hidden">
              {t.positions.heading}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.positions.proposal}</th>
                <th scope="col">{t.positions.position}</th>
                <th scope="col">{t.result.reasonColumn}</th>
              </tr>
            </thead>
            <tbody>
              {closed.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/propositions/${row.slug}#vote`}>
                      {row.number}. {row.title}
                    </a>
                  </th>
                  <td>{row.choice ? t.choices[row.choice] : t.result.noBallot}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
