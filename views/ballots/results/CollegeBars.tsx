import type { GroupRow } from "../../../src/features/ballots/results/view-models/results.model.js";
import { ballotsText as t } from "../ballots.text.js";

const SEGMENTS = ["pour", "abstention", "contre", "none"] as const;
const WIDTH = 360;
const ROW = 46;
const BAR = 18;

/**
 * Each college as one stacked bar, as long as the college is large: its Pour, abstentions, Contre
 * and missing ballots side by side. One labelled image; the « par collège » table says the same.
 */
export function CollegeBars({ id, rows }: { id: string; rows: GroupRow[] }) {
  const largest = Math.max(1, ...rows.map((row) => row.members));
  const part = (row: GroupRow, segment: (typeof SEGMENTS)[number]) =>
    segment === "none" ? row.members - row.cast : row[segment];
  const summary = rows
    .map((row) => `${row.label} : ${SEGMENTS.map((s) => `${t.seats.label[s]} ${part(row, s)}`).join(", ")}`)
    .join(" ; ");
  return (
    <svg
      class="college-bars"
      viewBox={`0 0 ${WIDTH} ${rows.length * ROW}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-titre`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-titre`}>{t.seats.byCollege(summary)}</title>
      {rows.map((row, index) => {
        const y = index * ROW;
        let x = 0;
        return (
          <g>
            <text x={0} y={y + 14} font-size="13" fill="currentColor">
              {row.label} ({row.members})
            </text>
            {SEGMENTS.map((segment) => {
              const width = (part(row, segment) / largest) * WIDTH;
              const rect = <rect class={`seat-dot--${segment}`} x={x} y={y + 20} width={width} height={BAR} />;
              x += width;
              return width > 0 ? rect : null;
            })}
          </g>
        );
      })}
    </svg>
  );
}
