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
          {panel.outcome ? <Confirmation outcome={panel.outcome} panel={panel} ballot={ballot} /> : null}
          <p>
            <strong>{t.vote.current(t.choices[ballot.choice])}</strong>{" "}
            {t.vote.castBy(ballot.castByName, formatDateTime(ballot.castAt))}
          </p>
          <Receipt receipt={ballot.receipt} />
        </div>
      ) : (
        <p>{panel.open ? t.vote.notYetVoted : t.vote.notOpenYet}</p>
      )}
      {panel.open ? <BallotForm slug={slug} panel={panel} /> : null}
      {panel.history.length > 0 ? <History items={panel.history} /> : null}
    </div>
  );
}

type CurrentBallot = NonNullable<VotePanelView["ballot"]>;

/**
 * The confirmation after the redirect: what was recorded, in whose name, by whom and when. It takes
 * the focus (`data-focus`, see app.js: the URL's `#vote` fragment cancels `autofocus`), so a screen
 * reader reads it first.
 */
function Confirmation({
  outcome,
  panel,
  ballot,
}: {
  outcome: BallotOutcome;
  panel: VotePanelView;
  ballot: CurrentBallot;
}) {
  const recorded = {
    choice: t.choices[ballot.choice],
    organisation: panel.organisationName,
    by: ballot.castByName,
    at: formatDateTime(ballot.castAt),
  };
  const message =
    outcome === "cast"
      ? t.vote.recorded(recorded)
      : outcome === "change"
        ? t.vote.changed(recorded)
        : t.vote.unchanged(ballot.castByName);
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

/** The receipt wraps at any width; the copy button exists only where a script can copy (app.js unhides it). */
function Receipt({ receipt }: { receipt: string }) {
  return (
    <>
      <p class="receipt-line">
        {t.vote.receipt} :{" "}
        <code class="hash receipt" id="vote-recu">
          {receipt}
        </code>{" "}
        <button
          type="button"
          class="button--secondary button--small"
          data-copy="vote-recu"
          data-copied={t.vote.copied}
          hidden
        >
          {t.vote.copy}
        </button>
      </p>
      <p class="muted">{t.vote.receiptHelp}</p>
    </>
  );
}

/**
 * One submit button per choice, each saying what it does and in whose name: the choice is
 * reviewed on the button itself, with or without JavaScript, and no radio is left to forget.
 */
function BallotForm({ slug, panel }: { slug: string; panel: VotePanelView }) {
  const values = panel.form?.values ?? { choix: panel.ballot?.choice, motivation: panel.ballot?.reason };
  const errors = panel.form?.errors ?? {};
  const current = panel.ballot?.choice;
  const label = (choice: Choice) =>
    current === undefined
      ? t.vote.castAs(choice, panel.organisationName)
      : choice === current
        ? t.vote.keepAs(choice, panel.organisationName)
        : t.vote.changeTo(choice, panel.organisationName);
  return (
    <form method="post" action={`/propositions/${slug}/vote`} class="ballot-form" aria-labelledby="bulletin-formulaire">
      <h4 id="bulletin-formulaire">{current === undefined ? t.vote.castHeading : t.vote.changeHeading}</h4>
      <input type="hidden" name="organisation" value={panel.organisationId} />
      <TextArea
        label={t.vote.reason}
        name="motivation"
        hint={t.vote.reasonHint}
        maxLength={2000}
        rows={4}
        value={values.motivation ?? ""}
        error={errors.motivation}
      />
      {errors.choix ? (
        <p class="field-error" id="champ-choix-erreur">
          {errors.choix}
        </p>
      ) : null}
      <div class="choice-buttons">
        {CHOICES.map((choice) => (
          <button
            type="submit"
            name="choix"
            value={choice}
            class="button--secondary choice-button"
            aria-describedby={errors.choix ? "champ-choix-erreur" : undefined}
          >
            {label(choice)}
          </button>
        ))}
      </div>
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
