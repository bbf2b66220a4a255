import type { Choice } from "../../../src/domain/ballots.js";
import { ballotsText as t } from "../ballots.text.js";

export interface ChartBar {
  choice: Choice;
  count: number;
}

const COLOURS: Record<Choice, string> = { pour: "#1b6e3a", contre: "#a4262c", abstention: "#595959" };
/** Drawn at about its own size (CSS caps it at 24rem), so its labels read at 15 px on a phone as on a desk. */
const WIDTH = 360;
const LABEL = 100;
const ROW = 36;

/**
 * Horizontal bars drawn on the server: no chart JavaScript. The SVG is one
 * labelled image; the table next to it carries the same numbers for everyone.
 */
export function BarChart({ id, title, bars, total }: { id: string; title: string; bars: ChartBar[]; total: number }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const span = WIDTH - LABEL - 50;
  const height = bars.length * ROW + 8;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-titre`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-titre`}>
        {title} — {bars.map((b) => `${t.choices[b.choice]} : ${b.count} sur ${total}`).join(", ")}
      </title>
      {bars.map((bar, index) => {
        const y = index * ROW + 4;
        const length = Math.round((bar.count / max) * span);
        return (
          <g>
            <text x={LABEL - 8} y={y + 20} text-anchor="end" font-size="15" fill="currentColor">
              {t.choices[bar.choice]}
            </text>
            <rect x={LABEL} y={y + 4} width={Math.max(length, 2)} height={ROW - 12} fill={COLOURS[bar.choice]} />
            <text x={LABEL + Math.max(length, 2) + 8} y={y + 20} font-size="15" fill="currentColor">
              {bar.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
