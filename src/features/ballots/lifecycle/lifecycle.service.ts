import { randomBytes } from "node:crypto";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Kysely, Transaction } from "kysely";
import { appendAuditEvent } from "../../../audit/chain.js";
import type { Database } from "../../../db/database.js";
import { DomainError } from "../../../domain/errors.js";
import { publishLiveEvent } from "../../../live/live.queries.js";
import { recordAdminAction } from "../../admin/index.js";
import { countChoices, decide } from "../results/tally.js";
import {
  claimDueTransition,
  countOrganisations,
  createSalt,
  type LifecycleProposal,
  listCurrentBallots,
  lockProposal,
  revealSalt,
  type ScheduleInput,
  setStatus,
  storeResult,
  updateSchedule,
} from "./lifecycle.queries.js";

/** Who made a transition: an administrator (with a reason) or the schedule. */
export type Actor = { kind: "administrator"; userId: string; reason: string } | { kind: "schedule" };

const actorData = (actor: Actor) =>
  actor.kind === "schedule" ? { by: "planification" } : { by: `administrateur:${actor.userId}`, reason: actor.reason };

export type ManualTransition = "debat" | "ouvrir" | "clore";

/** An administrator moves a proposal by hand, with a reason kept in the journal and the admin record. */
export async function transitionByHand(
  db: Kysely<Database>,
  userId: string,
  slug: string,
  transition: ManualTransition,
  reason: string,
): Promise<void> {
  const actor: Actor = { kind: "administrator", userId, reason };
  await db.transaction().execute(async (trx) => {
    const proposal = await lockProposal(trx, slug);
    if (!proposal) throw new DomainError("lifecycle.proposal_not_found");
    if (transition === "debat") await openDebate(trx, proposal, actor);
    else if (transition === "ouvrir") await openVote(trx, proposal, actor);
    else await closeVote(trx, proposal, actor);
    const details = { transition, reason };
    await recordAdminAction(trx, {
      actorId: userId,
      action: "vote.transition",
      targetType: "proposal",
      targetId: slug,
      details,
    });
  });
}

async function openDebate(trx: Transaction<Database>, proposal: LifecycleProposal, actor: Actor) {
  if (proposal.status !== "brouillon") throw new DomainError("lifecycle.not_draft");
  await setStatus(trx, proposal.id, "debat");
  await appendAuditEvent(trx, {
    kind: "debate_opened",
    proposalId: proposal.id,
    data: { proposal: proposal.slug, ...actorData(actor) },
  });
  await publishLiveEvent(trx, { proposalId: proposal.id, kind: "debate_opened" });
}

/** Opening draws the secret salt; the rules in force are written into the journal. */
export async function openVote(trx: Transaction<Database>, proposal: LifecycleProposal, actor: Actor) {
  if (proposal.status !== "brouillon" && proposal.status !== "debat") {
    throw new DomainError("lifecycle.cannot_open");
  }
  if (!proposal.voteClosesAt || proposal.voteClosesAt.getTime() <= Date.now()) {
    throw new DomainError("lifecycle.no_closing_time");
  }
  await setStatus(trx, proposal.id, "vote_ouvert", { opensNow: true });
  await createSalt(trx, proposal.id, randomBytes(32));
  await appendAuditEvent(trx, {
    kind: "vote_opened",
    proposalId: proposal.id,
    data: {
      proposal: proposal.slug,
      closesAt: proposal.voteClosesAt.toISOString(),
      quorumFraction: proposal.quorumFraction,
      quorumCount: proposal.quorumCount,
      adoptionRule: proposal.adoptionRule,
      ...actorData(actor),
    },
  });
  await publishLiveEvent(trx, { proposalId: proposal.id, kind: "vote_opened" });
}

/** Closing reveals the salt, then counts the current ballots and journals the result. */
export async function closeVote(trx: Transaction<Database>, proposal: LifecycleProposal, actor: Actor) {
  if (proposal.status !== "vote_ouvert") throw new DomainError("lifecycle.not_open");
  await setStatus(trx, proposal.id, "clos", { closesNow: actor.kind === "administrator" });
  const salt = await revealSalt(trx, proposal.id);
  await appendAuditEvent(trx, {
    kind: "vote_closed",
    proposalId: proposal.id,
    data: { proposal: proposal.slug, salt: encodeHexLowerCase(salt), ...actorData(actor) },
  });
  await computeResult(trx, proposal);
  await publishLiveEvent(trx, { proposalId: proposal.id, kind: "vote_closed" });
}

/** The result is itself a journal event: counts, the rules applied and each organisation's last ballot event. */
export async function computeResult(trx: Transaction<Database>, proposal: LifecycleProposal) {
  const ballots = await listCurrentBallots(trx, proposal.id);
  const eligible = await countOrganisations(trx);
  const tally = countChoices(ballots.map((b) => b.choice));
  const rules = {
    quorumFraction: Number(proposal.quorumFraction),
    quorumCount: proposal.quorumCount,
    adoptionRule: proposal.adoptionRule,
  };
  const decision = decide(tally, rules, eligible);
  await storeResult(trx, proposal.id, decision.result);
  return appendAuditEvent(trx, {
    kind: "result",
    proposalId: proposal.id,
    data: {
      proposal: proposal.slug,
      tally: { ...tally },
      ...decision,
      quorumFraction: proposal.quorumFraction,
      quorumCount: proposal.quorumCount,
      adoptionRule: proposal.adoptionRule,
      ballots: Object.fromEntries(ballots.map((b) => [b.organisation, b.ballotEvent])),
    },
  });
}

/** Runs every due opening and closing, one transaction each; returns how many were made. */
export async function runDueTransitions(db: Kysely<Database>): Promise<number> {
  let done = 0;
  for (;;) {
    const made = await db.transaction().execute(async (trx) => {
      const proposal = await claimDueTransition(trx);
      if (!proposal) return false;
      if (proposal.status === "vote_ouvert") await closeVote(trx, proposal, { kind: "schedule" });
      else await openVote(trx, proposal, { kind: "schedule" });
      return true;
    });
    if (!made) return done;
    done += 1;
  }
}

/** Dates and rules can change until the vote opens; then they are fixed (they are in the journal). */
export async function scheduleVote(db: Kysely<Database>, userId: string, slug: string, input: ScheduleInput) {
  await db.transaction().execute(async (trx) => {
    const proposal = await lockProposal(trx, slug);
    if (!proposal) throw new DomainError("lifecycle.proposal_not_found");
    if (proposal.status === "vote_ouvert" || proposal.status === "clos") {
      throw new DomainError("lifecycle.schedule_locked");
    }
    await updateSchedule(trx, proposal.id, input);
    await publishLiveEvent(trx, { proposalId: proposal.id, kind: "vote_scheduled" });
    await recordAdminAction(trx, {
      actorId: userId,
      action: "vote.schedule",
      targetType: "proposal",
      targetId: slug,
      details: {
        ...input,
        opensAt: input.opensAt?.toISOString() ?? null,
        closesAt: input.closesAt?.toISOString() ?? null,
      },
    });
  });
}
