import type { BallotOutcome, Choice } from "../../../src/domain/ballots.js";
import { formatDateTime } from "../../common/format.js";
import { TextArea } from "../../components/Form.js";
import { ballotsText as t } from "../ballots.text.js";

export interface BallotHistoryItem {
  action: "cast" | "change";
  choice: Choice;
  receipt: string;
  createdAt: Date;
  byName: string;
}

/** What the person sent, and the error, when the ballot was refused (422). */
export interface BallotFormState {
  values: { choix?: string; motivation?: string };
  errors: { choix?: string; motivation?: string };
}

export interface VotePanelView {
  form?: BallotFormState | undefined;
  /** What the form just did, shown once after the redirect (and focused, so it is read out). */
  outcome?: BallotOutcome | undefined;
  organisationId: string;
  organisationName: string;
  open: boolean;
  ballot: { choice: Choice; reason: string; castByName: string; castAt: Date; receipt: string } | null;
  history: BallotHistoryItem[];
}

const CHOICES: Choice[] = ["pour", "contre", "abstention"];

/** A representative's view of the organisation's ballot: who cast it, when, its receipt, and the form while open. */
export function VotePanel({ slug, panel }: { slug: string; panel: VotePanelView }) {
  const { ballot } = panel;
  return (
    <div class="card vote-panel">
      <h3>{t.vote.yourOrganisation(panel.organisationName)}</h3>
      {ballot ? (
        <div role="status">
          {panel.outcome ? <Confirmation outcome={panel.outcome} castByName={ballot.castByName} /> : null}
          <p>
            <strong>{t.vote.current(t.choices[ballot.choice])}</strong>{" "}
            {t.vote.castBy(ballot.castByName, formatDateTime(ballot.castAt))}
          </p>
          <p>
            {t.vote.receipt} : <code class="hash receipt">{ballot.receipt}</code>
          </p>
          <p class="muted">{t.vote.receiptHelp}</p>
        </div>
      ) : (
        <p>{panel.open ? t.vote.notYetVoted : t.vote.notOpenYet}</p>
      )}
      {panel.open ? <BallotForm slug={slug} panel={panel} /> : null}
      {panel.history.length > 0 ? <History items={panel.history} /> : null}
    </div>
  );
}

/**
 * The confirmation after the redirect: it takes the focus (`data-focus`, see debat.js: the URL's
 * `#vote` fragment cancels `autofocus`), so a screen reader reads it first.
 */
function Confirmation({ outcome, castByName }: { outcome: BallotOutcome; castByName: string }) {
  const message =
    outcome === "cast" ? t.vote.recorded : outcome === "change" ? t.vote.changed : t.vote.unchanged(castByName);
  return (
    <p
      class={outcome === "unchanged" ? "flash" : "flash flash--success"}
      id="vote-confirmation"
      tabindex={-1}
      data-focus
    >
      {message}
    </p>
  );
}

function BallotForm({ slug, panel }: { slug: string; panel: VotePanelView }) {
  const values = panel.form?.values ?? { choix: panel.ballot?.choice, motivation: panel.ballot?.reason };
  const errors = panel.form?.errors ?? {};
  return (
    <form method="post" action={`/propositions/${slug}/vote`}>
      <input type="hidden" name="organisation" value={panel.organisationId} />
      <fieldset class="field" aria-describedby={errors.choix ? "champ-choix-erreur" : undefined}>
        <legend>{t.vote.choiceLegend}</legend>
        {CHOICES.map((choice) => (
          <label>
            <input type="radio" name="choix" value={choice} required checked={values.choix === choice} />{" "}
            {t.choices[choice]}
          </label>
        ))}
        {errors.choix ? (
          <p class="field-error" id="champ-choix-erreur">
            {errors.choix}
          </p>
        ) : null}
      </fieldset>
      <TextArea
        label={t.vote.reason}
        name="motivation"
        hint={t.vote.reasonHint}
        maxLength={2000}
        rows={4}
        value={values.motivation ?? ""}
        error={errors.motivation}
      />
      <button type="submit">{panel.ballot ? t.vote.submitChange : t.vote.submitCast}</button>
    </form>
  );
}

function History({ items }: { items: BallotHistoryItem[] }) {
  return (
    <details>
      <summary>{t.vote.history}</summary>
      <ul>
        {items.map((item) => (
          <li>
            {formatDateTime(item.createdAt)} — {item.byName} — {t.choices[item.choice]} —{" "}
            <code class="hash">{item.receipt}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
