import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import type { Actor } from "../../domain/actor.js";
import { DomainError } from "../../domain/errors.js";
import type { ModerationRule } from "../../domain/moderation.js";
import { publishLiveEvent } from "../../live/live.queries.js";
import { currentOrganisationIds } from "../../mandates/mandates.queries.js";
import { queueEmail } from "../email/index.js";
import { reinstatePerson, suspendPerson } from "../people/index.js";
import {
  closeReports,
  findCommentForModeration,
  insertReport,
  lockCommentRow,
  type ModeratedComment,
  recordModeration,
  setHidden,
  setPinned,
  setThreadLock,
} from "./moderation.queries.js";

import { insertSynthesisVersion } from "./synthesis.queries.js";

/** Once per person per comment: `created` is false when this person had already reported it. */
export async function reportComment(
  db: Kysely<Database>,
  user: Actor,
  input: { commentId: string; rule: ModerationRule; note: string },
): Promise<{ created: boolean }> {
  const comment = await findCommentForModeration(db, input.commentId);
  if (!comment) throw new DomainError("moderation.comment_not_found");
  if (comment.authorId === user.id) throw new DomainError("moderation.own_comment");
  if (comment.deletedAt || comment.hiddenAt) throw new DomainError("moderation.report_unavailable");
  const created = await insertReport(db, { ...input, reporterId: user.id });
  return { created };
}

/** A moderator who represents the organisation concerned never decides on it. */
function refuseOwnOrganisation(actor: Actor, organisationIds: string[]): void {
  if (actor.mandate && organisationIds.includes(actor.mandate.organisationId)) {
    throw new DomainError("moderation.own_organisation");
  }
}

/** Runs a decision on one comment: locked row, own-organisation check, journal entry, all in one transaction. */
async function onComment(
  db: Kysely<Database>,
  actor: Actor,
  commentId: string,
  act: (trx: Transaction<Database>, comment: ModeratedComment) => Promise<Omit<Decision, "comment">>,
): Promise<ModeratedComment> {
  return db.transaction().execute(async (trx) => {
    await lockCommentRow(trx, commentId);
    const comment = await findCommentForModeration(trx, commentId);
    if (!comment) throw new DomainError("moderation.comment_not_found");
    refuseOwnOrganisation(actor, [comment.organisationId]);
    const decision = await act(trx, comment);
    await recordModeration(trx, {
      kind: decision.kind,
      actorId: actor.id,
      actorRole: actor.role,
      targetType: "comment",
      targetId: comment.id,
      proposalId: comment.proposalId,
      rule: decision.rule,
      reason: decision.reason,
    });
    return comment;
  });
}

interface Decision {
  kind: string;
  rule?: ModerationRule | undefined;
  reason?: string | undefined;
}

function commentLink(origin: string, comment: ModeratedComment): string {
  return `${origin}/commentaires/${comment.rootId ?? comment.id}#c-${comment.id}`;
}

export async function hideComment(
  db: Kysely<Database>,
  actor: Actor,
  input: { commentId: string; rule: ModerationRule; reason: string; origin: string },
): Promise<void> {
  await onComment(db, actor, input.commentId, async (trx, comment) => {
    if (comment.hiddenAt) throw new DomainError("moderation.already_hidden");
    if (comment.deletedAt) throw new DomainError("moderation.comment_deleted");
    await setHidden(trx, comment.id, { rule: input.rule, reason: input.reason });
    await closeReports(trx, comment.id);
    // Open pages swap the comment for its tombstone; the event itself carries no text.
    await publishLiveEvent(trx, { proposalId: comment.proposalId, kind: "comment_hidden", commentId: comment.id });
    await queueEmail(trx, {
      kind: "moderation",
      to: comment.authorEmail,
      template: {
        name: "moderation_hidden",
        params: { rule: input.rule, reason: input.reason, link: commentLink(input.origin, comment) },
      },
    });
    return { kind: "moderation.hide", rule: input.rule, reason: input.reason };
  });
}

export async function restoreComment(
  db: Kysely<Database>,
  actor: Actor,
  input: { commentId: string; reason: string; origin: string },
): Promise<void> {
  await onComment(db, actor, input.commentId, async (trx, comment) => {
    if (!comment.hiddenAt) throw new DomainError("moderation.not_hidden");
    await setHidden(trx, comment.id, null);
    await publishLiveEvent(trx, { proposalId: comment.proposalId, kind: "comment_restored", commentId: comment.id });
    await queueEmail(trx, {
      kind: "moderation",
      to: comment.authorEmail,
      template: { name: "moderation_restored", params: { link: commentLink(input.origin, comment) } },
    });
    return { kind: "moderation.restore", reason: input.reason };
  });
}

export async function dismissReports(db: Kysely<Database>, actor: Actor, commentId: string, reason: string) {
  await onComment(db, actor, commentId, async (trx, comment) => {
    const closed = await closeReports(trx, comment.id);
    if (closed === 0) throw new DomainError("moderation.no_reports");
    return { kind: "moderation.dismiss", reason };
  });
}

export async function pinComment(db: Kysely<Database>, actor: Actor, commentId: string, pinned: boolean) {
  await onComment(db, actor, commentId, async (trx, comment) => {
    if (pinned && (comment.hiddenAt || comment.deletedAt)) {
      throw new DomainError("moderation.pin_unavailable");
    }
    await setPinned(trx, comment.id, pinned);
    await publishLiveEvent(trx, { proposalId: comment.proposalId, kind: "comment_pinned", commentId: comment.id });
    return { kind: pinned ? "moderation.pin" : "moderation.unpin" };
  });
}

export async function lockThread(
  db: Kysely<Database>,
  actor: Actor,
  input: { proposalId: string; reason: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setThreadLock(trx, input.proposalId, input.reason);
    await publishLiveEvent(trx, { proposalId: input.proposalId, kind: "discussion_locked" });
    await recordModeration(trx, {
      kind: input.reason === null ? "moderation.unlock" : "moderation.lock",
      actorId: actor.id,
      actorRole: actor.role,
      targetType: "proposal",
      targetId: input.proposalId,
      proposalId: input.proposalId,
      reason: input.reason ?? undefined,
    });
  });
}

/** Reuses the people feature (sessions end at once), then records the decision publicly. */
export async function suspendFromModeration(
  db: Kysely<Database>,
  actor: Actor,
  input: { userId: string; suspend: boolean; rule?: ModerationRule | undefined; reason: string },
): Promise<void> {
  const target = await db.selectFrom("app_user").select("role").where("id", "=", input.userId).executeTakeFirst();
  if (!target) throw new DomainError("moderation.account_not_found");
  // Staff accounts are managed by administrators (/admin/personnes), not from moderation.
  if (target.role !== "representative") {
    throw new DomainError("moderation.staff_account");
  }
  refuseOwnOrganisation(actor, await currentOrganisationIds(db, input.userId));
  if (input.suspend) await suspendPerson(db, actor.id, input.userId, input.reason);
  else await reinstatePerson(db, actor.id, input.userId);
  await db.transaction().execute((trx) =>
    recordModeration(trx, {
      kind: input.suspend ? "moderation.suspend" : "moderation.reinstate",
      actorId: actor.id,
      actorRole: actor.role,
      targetType: "app_user",
      targetId: input.userId,
      proposalId: null,
      rule: input.rule,
      reason: input.reason,
    }),
  );
}

/** Each publication is a new version (earlier ones are kept) and a journal entry. */
export async function publishSynthesis(
  db: Kysely<Database>,
  actor: Actor,
  input: { proposalId: string; body: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("proposal").select("id").where("id", "=", input.proposalId).forUpdate().execute();
    const version = await insertSynthesisVersion(trx, { ...input, authorId: actor.id });
    await publishLiveEvent(trx, { proposalId: input.proposalId, kind: "synthesis_published" });
    await recordModeration(trx, {
      kind: "moderation.synthesis",
      actorId: actor.id,
      actorRole: actor.role,
      targetType: "synthesis",
      targetId: input.proposalId,
      proposalId: input.proposalId,
      reason: `version ${version}`,
    });
    return version;
  });
}
