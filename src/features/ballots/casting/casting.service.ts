import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Kysely, Transaction } from "kysely";
import { appendAuditEvent, underChainLock } from "../../../audit/chain.js";
import { type CheckpointSigner, formatCheckpoint } from "../../../audit/checkpoints.js";
import { signChainTip } from "../../../audit/checkpoints.queries.js";
import type { Database } from "../../../db/database.js";
import type { Actor } from "../../../domain/actor.js";
import { CHOICES, type Choice, MAX_REASON_LENGTH } from "../../../domain/ballots.js";
import { DomainError } from "../../../domain/errors.js";
import { publishLiveEvent } from "../../../live/live.queries.js";
import { actingFor } from "../../../mandates/mandates.js";
import { findActingMandate } from "../../../mandates/mandates.queries.js";
import { recordAdminAction } from "../../admin/index.js";
import { queueEmail } from "../../email/index.js";
import { ballotCommitment } from "../common/commitment.js";
import {
  type BallotEventInput,
  findCurrentBallot,
  lockProposalForBallot,
  prepareBallotEvent,
  recordBallotRows,
} from "./casting.queries.js";

export interface CastBallotInput {
  proposalSlug: string;
  choice: string;
  reason: string;
  /** An organisation named by the request body, if any: it must be the mandate's. */
  claimedOrganisationId?: string | undefined;
}

/** What casting needs beyond the database: links in the receipt, and the key that signs its checkpoint. */
export interface BallotContext {
  publicOrigin: string;
  signer: CheckpointSigner;
}

export interface CastBallotResult {
  receipt: string;
  /** "unchanged": the same choice and reason as the current ballot, so nothing was recorded. */
  action: "cast" | "change" | "unchanged";
  castByName?: string;
}

/**
 * Casts or changes the organisation's ballot. The organisation always comes from
 * the caller's current mandate, never from the request; a request naming another
 * organisation is refused and recorded.
 */
export async function castBallot(
  db: Kysely<Database>,
  user: Actor | undefined,
  input: CastBallotInput,
  { publicOrigin, signer }: BallotContext,
): Promise<CastBallotResult> {
  const { actor, mandate } = actingFor(user);
  if (input.claimedOrganisationId && input.claimedOrganisationId !== mandate.organisationId) {
    await recordWrongOrganisation(db, actor, input);
    throw new DomainError("ballots.wrong_organisation", { params: { organisation: mandate.organisationName } });
  }
  if (!(CHOICES as readonly string[]).includes(input.choice)) {
    throw new DomainError("ballots.unknown_choice", { field: "choix" });
  }
  const reason = input.reason.trim();
  if (reason.length > MAX_REASON_LENGTH) throw new DomainError("ballots.reason_too_long", { field: "motivation" });
  return db.transaction().execute(async (trx) => {
    const proposal = await lockProposalForBallot(trx, input.proposalSlug);
    if (!proposal) throw new DomainError("ballots.proposal_not_found");
    if (proposal.status !== "vote_ouvert" || proposal.pastClosing) {
      throw new DomainError("ballots.vote_not_open");
    }
    if (!(await findActingMandate(trx, { userId: actor.id, organisationId: mandate.organisationId, lock: true }))) {
      throw new DomainError("ballots.mandate_ended");
    }
    const event = await recordBallot(trx, {
      proposal,
      organisation: mandate,
      userId: actor.id,
      choice: input.choice as Choice,
      reason,
    });
    if ("unchanged" in event) return event.unchanged;
    await publishLiveEvent(trx, { proposalId: proposal.id, kind: "ballot_cast" });
    // Signed with the ballot in it: the receipt alone proves later that the chain was not cut before it.
    const checkpoint = await signChainTip(trx, signer, "receipt");
    await queueEmail(trx, {
      kind: "ballot_receipt",
      to: actor.email,
      template: {
        name: "ballot_receipt",
        params: {
          organisation: mandate.organisationName,
          proposal: proposal.title,
          choice: event.choice,
          receipt: event.receipt,
          link: `${publicOrigin}/journal#${event.receipt}`,
          checkpoint: checkpoint ? formatCheckpoint(checkpoint) : "",
          verifyLink: `${publicOrigin}/verifier`,
        },
      },
    });
    return { receipt: event.receipt, action: event.action };
  });
}

interface RecordBallotInput {
  proposal: { id: string; slug: string };
  organisation: { organisationId: string; organisationSlug: string };
  userId: string;
  choice: Choice;
  reason: string;
}

/**
 * Event, journal entry and current ballot, all in the caller's transaction. Everything
 * that can be done before taking the chain lock is, since ballots queue on it.
 */
async function recordBallot(
  trx: Transaction<Database>,
  input: RecordBallotInput,
): Promise<BallotEventInput | { unchanged: CastBallotResult }> {
  const { proposal, organisation } = input;
  const prepared = await prepareBallotEvent(trx, proposal.id);
  if (!prepared) throw new Error(`proposal ${proposal.id} is open without a salt`);
  const commitment = ballotCommitment({
    saltHex: encodeHexLowerCase(prepared.salt),
    ballotEvent: prepared.id,
    organisation: organisation.organisationSlug,
    choice: input.choice,
    reason: input.reason,
  });
  // "cast", "change" or nothing is decided under the lock of the append, so that parallel
  // identical submissions record exactly one event.
  const existing = await underChainLock(trx, () => findCurrentBallot(trx, proposal.id, organisation.organisationId));
  if (existing && existing.choice === input.choice && existing.reason === input.reason) {
    return { unchanged: { receipt: existing.receipt, action: "unchanged", castByName: existing.castByName } };
  }
  const action = existing ? "change" : "cast";
  const data = {
    proposal: proposal.slug,
    organisation: organisation.organisationSlug,
    action,
    ballotEvent: prepared.id,
    commitment,
  };
  const audit = await appendAuditEvent(trx, { kind: "ballot", proposalId: proposal.id, data });
  const event: BallotEventInput = {
    id: prepared.id,
    proposalId: proposal.id,
    organisationId: organisation.organisationId,
    userId: input.userId,
    action,
    choice: input.choice,
    reason: input.reason,
    receipt: audit.hash,
  };
  await recordBallotRows(trx, event);
  return event;
}

async function recordWrongOrganisation(db: Kysely<Database>, user: Actor, input: CastBallotInput) {
  await recordAdminAction(db, {
    actorId: user.id,
    action: "ballot.wrong_organisation",
    targetType: "proposal",
    targetId: input.proposalSlug,
    details: {
      claimedOrganisationId: input.claimedOrganisationId,
      mandateOrganisationId: user.mandate?.organisationId,
    },
  });
}
