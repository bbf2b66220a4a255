import type { ScreenView, SeatView } from "../../../src/features/ballots/screen/view-models/screen.model.js";
import { formatDateTime, formatTimeLeft } from "../../common/format.js";
import { groupInOrder } from "../../common/groups.js";
import { ballotsText as t } from "../ballots.text.js";

export const SCREEN_BOARD_ID = "seance-tableau";

/**
 * The « écran de séance »: projected in a plenary meeting, read from the back of the room. The
 * board is redrawn whole on every ballot, opening or closing (live stream), or by reloading.
 */
export function ScreenPage({ view, liveUrl, scripts }: { view: ScreenView; liveUrl: string; scripts: string[] }) {
  return (
    <div class="screen">
      <p class="screen-kicker">
        {t.screen.kicker(view.number)} · <a href={`/propositions/${view.slug}`}>{t.screen.back}</a>
      </p>
      <h1>{view.title}</h1>
      <ScreenBoard view={view} />
      <noscript>
        <p class="muted">{t.screen.noScript}</p>
      </noscript>
      <div data-live-url={liveUrl} hx-swap="none" hidden />
      {scripts.map((src) => (
        <script src={src} defer />
      ))}
    </div>
  );
}

export function ScreenBoard({ view, oob = false }: { view: ScreenView; oob?: boolean }) {
  const closed = view.status === "clos";
  return (
    <div id={SCREEN_BOARD_ID} hx-swap-oob={oob ? "outerHTML" : undefined}>
      <div class="screen-summary">
        <p class="screen-turnout">
          <strong>{t.screen.turnout(view.turnout, view.eligible)}</strong> {t.screen.turnoutLabel}
          <progress max={view.eligible} value={view.turnout} aria-hidden="true" />
        </p>
        <div class="screen-facts">
          {closed && view.result ? (
            <p class={`screen-result screen-result--${view.result}`}>{t.results[view.result]}</p>
          ) : null}
          {closed && view.tally ? (
            <p class="screen-tally">{t.screen.tally(view.tally.pour, view.tally.contre, view.tally.abstention)}</p>
          ) : null}
          <p>{t.screen.quorum(view.quorumRequired)}</p>
          <Schedule view={view} />
        </div>
      </div>
      <Seats view={view} />
    </div>
  );
}

function Schedule({ view }: { view: ScreenView }) {
  if (view.status === "clos") return view.closesAt ? <p>{t.screen.closedAt(formatDateTime(view.closesAt))}</p> : null;
  if (view.status === "vote_ouvert" && view.closesAt)
    return <p>{t.screen.closesAt(formatDateTime(view.closesAt), formatTimeLeft(view.closesAt, view.drawnAt))}</p>;
  return <p>{view.opensAt ? t.screen.opensAt(formatDateTime(view.opensAt)) : t.screen.notScheduled}</p>;
}

function Seats({ view }: { view: ScreenView }) {
  const colleges = groupInOrder(view.seats, (seat) => seat.collegeName);
  return (
    <section aria-labelledby="seance-sieges">
      <h2 id="seance-sieges">{t.screen.seats}</h2>
      {view.status === "clos" ? null : <p class="muted">{t.screen.seatsSecret}</p>}
      <div class="screen-colleges">
        {colleges.map(([college, seats]) => (
          <section class="screen-college" aria-label={college}>
            <h3>{college}</h3>
            <ul class="seats">
              {seats.map((seat) => (
                <Seat seat={seat} closed={view.status === "clos"} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function Seat({ seat, closed }: { seat: SeatView; closed: boolean }) {
  const state = closed ? (seat.choice ?? "absent") : seat.voted ? "voted" : "waiting";
  const label = closed
    ? seat.choice
      ? t.choices[seat.choice]
      : t.screen.noBallot
    : seat.voted
      ? t.screen.voted
      : t.screen.waiting;
  return (
    <li class={`seat seat--${state}`}>
      <span class="seat-name">{seat.name}</span>
      <span class="seat-state">{label}</span>
    </li>
  );
}
