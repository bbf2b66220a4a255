import type { Choice } from "../../../src/domain/ballots.js";
import type { RollCallRow } from "../../../src/features/ballots/results/view-models/results.model.js";
import { ballotsText as t } from "../ballots.text.js";

type SeatChoice = Choice | "none";

/** Pour on the left, then abstention, contre, and the organisations that did not vote. */
const ORDER: SeatChoice[] = ["pour", "abstention", "contre", "none"];
const WIDTH = 360;
const HEIGHT = 196;
const CENTRE = { x: WIDTH / 2, y: 180 };
const ROW_RADII = [80, 115, 150];
const SEAT_RADIUS = 11;

/**
 * The organisations as seats of a half-circle, one per organisation, coloured by its choice, drawn
 * on the server. Each seat names its organisation and choice (title, on hover); the image as a whole
 * is one labelled picture, and the roll-call table beside it says the same for everyone.
 */
export function SeatsChart({ id, rows }: { id: string; rows: RollCallRow[] }) {
  const choiceOf = (row: RollCallRow): SeatChoice => row.choice ?? "none";
  const ordered = ORDER.flatMap((choice) => rows.filter((row) => choiceOf(row) === choice));
  const places = seatPlaces(ordered.length);
  const count = (choice: SeatChoice) => rows.filter((row) => choiceOf(row) === choice).length;
  const summary = ORDER.map((choice) => `${t.seats.label[choice]} : ${count(choice)}`).join(", ");
  return (
    <figure class="seats-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-titre`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-titre`}>{t.seats.title(rows.length, summary)}</title>
        {ordered.map((row, index) => {
          const place = places[index] ?? CENTRE;
          return (
            <circle class={`seat-dot seat-dot--${choiceOf(row)}`} cx={place.x} cy={place.y} r={SEAT_RADIUS}>
              <title>
                {row.organisationName} : {t.seats.label[choiceOf(row)]}
              </title>
            </circle>
          );
        })}
      </svg>
      <figcaption>
        <ul class="seats-legend">
          {ORDER.map((choice) => (
            <li>
              <span class={`seat-key seat-dot--${choice}`} aria-hidden="true" /> {t.seats.label[choice]} :{" "}
              <strong>{count(choice)}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/**
 * Where each seat sits: rows of arcs, each holding seats in proportion to its length, then every
 * seat sorted by its angle from the left, so that the seats of one choice make one wedge.
 */
function seatPlaces(total: number): { x: number; y: number }[] {
  const length = ROW_RADII.reduce((sum, radius) => sum + radius, 0);
  let left = total;
  const seats: { x: number; y: number; angle: number }[] = [];
  ROW_RADII.forEach((radius, row) => {
    const inRow = row === ROW_RADII.length - 1 ? left : Math.round((total * radius) / length);
    left -= inRow;
    for (let seat = 0; seat < inRow; seat += 1) {
      const angle = inRow === 1 ? Math.PI / 2 : Math.PI - (Math.PI * seat) / (inRow - 1);
      seats.push({
        x: Math.round((CENTRE.x + radius * Math.cos(angle)) * 10) / 10,
        y: Math.round((CENTRE.y - radius * Math.sin(angle)) * 10) / 10,
        angle,
      });
    }
  });
  return seats.sort((a, b) => b.angle - a.angle);
}
