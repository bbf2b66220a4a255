import { type Kysely, sql } from "kysely";
import { hashPassword } from "../../auth/password.js";
import { generateRandomToken, hashToken } from "../../auth/tokens.js";
import type { Database } from "../../db/database.js";
import { DomainError } from "../../domain/errors.js";
import type { LinkState } from "../../domain/links.js";
import type { Role } from "../../domain/people.js";
import { INVITATION_LIFETIME_MS } from "../../domain/retention.js";
import { recordAdminAction } from "../admin/index.js";
import { queueEmail, recentEmailCount } from "../email/index.js";

const INVITATION_EMAILS_PER_HOUR = 5;

export interface InvitationInput {
  email: string;
  role: Role;
  organisationId: string | null;
  mandateNote: string;
}

/** Creates the invitation and queues its email in one transaction; returns the link (shown to CLI users only). */
export async function invite(
  db: Kysely<Database>,
  actorId: string | null,
  input: InvitationInput,
  publicOrigin: string,
): Promise<{ invitationId: string; link: string }> {
  const email = input.email.trim().toLowerCase();
  const token = generateRandomToken();
  return db.transaction().execute(async (trx) => {
    await refuseExistingAccount(trx, email);
    await refuseTooManyEmails(trx, email);
    const row = await trx
      .insertInto("invitation")
      .values({
        email,
        role: input.role,
        organisation_id: input.role === "representative" || input.organisationId ? input.organisationId : null,
        mandate_note: input.mandateNote,
        token_hash: hashToken(token),
        expires_at: new Date(Date.now() + INVITATION_LIFETIME_MS),
        created_by: actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch(translatePendingConflict);
    const link = `${publicOrigin}/invitation/${token}`;
    await queueInvitationEmail(trx, email, link);
    await recordAdminAction(trx, {
      actorId,
      action: "invitation.create",
      targetType: "invitation",
      targetId: row.id,
      details: { email, role: input.role, organisationId: input.organisationId },
    });
    return { invitationId: row.id, link };
  });
}

async function refuseExistingAccount(db: Kysely<Database>, email: string) {
  const existing = await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) throw new DomainError("invitations.account_exists", { field: "email" });
}

async function refuseTooManyEmails(db: Kysely<Database>, email: string) {
  if (
    (await recentEmailCount(db, { to: email, kind: "invitation", windowMs: 60 * 60 * 1000 })) >=
    INVITATION_EMAILS_PER_HOUR
  ) {
    throw new DomainError("invitations.too_many_emails", { field: "email" });
  }
}

function translatePendingConflict(error: unknown): never {
  if ((error as { constraint?: string }).constraint === "invitation_one_pending_per_email") {
    throw new DomainError("invitations.pending", { field: "email" });
  }
  throw error;
}

async function queueInvitationEmail(db: Kysely<Database>, email: string, link: string) {
  await queueEmail(db, { kind: "invitation", to: email, template: { name: "invitation", params: { link } } });
}

/** A new link (the old one stops working) and a new email, with a fresh 7-day validity. */
export async function resendInvitation(
  db: Kysely<Database>,
  actorId: string,
  invitationId: string,
  publicOrigin: string,
) {
  const token = generateRandomToken();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("invitation")
      .set({ token_hash: hashToken(token), expires_at: new Date(Date.now() + INVITATION_LIFETIME_MS) })
      .where("id", "=", invitationId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .returning("email")
      .executeTakeFirst();
    if (!row) throw new DomainError("invitations.closed");
    await refuseTooManyEmails(trx, row.email);
    await queueInvitationEmail(trx, row.email, `${publicOrigin}/invitation/${token}`);
    await recordAdminAction(trx, {
      actorId,
      action: "invitation.resend",
      targetType: "invitation",
      targetId: invitationId,
    });
  });
}

export async function revokeInvitation(db: Kysely<Database>, actorId: string, invitationId: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("invitation")
      .set({ revoked_at: sql`now()` })
      .where("id", "=", invitationId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) throw new DomainError("invitations.closed");
    await recordAdminAction(trx, {
      actorId,
      action: "invitation.revoke",
      targetType: "invitation",
      targetId: invitationId,
    });
  });
}

export async function findInvitationByToken(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom("invitation as i")
    .leftJoin("organisation as o", "o.id", "i.organisation_id")
    .select([
      "i.id",
      "i.email",
      "i.role",
      "i.expires_at",
      "i.accepted_at",
      "i.revoked_at",
      "o.name as organisationName",
    ])
    .where("i.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  return row ? { ...row, state: invitationState(row) } : { state: "unknown" as LinkState };
}

function invitationState(row: { expires_at: Date; accepted_at: Date | null; revoked_at: Date | null }): LinkState {
  if (row.accepted_at) return "used";
  if (row.revoked_at) return "revoked";
  return row.expires_at.getTime() <= Date.now() ? "expired" : "valid";
}

/** Spends the link (once, even under a double submit), creates the account and its mandate. */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  input: { displayName: string; password: string },
): Promise<{ userId: string } | { state: LinkState }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .updateTable("invitation")
      .set({ accepted_at: sql`now()` })
      .where("token_hash", "=", hashToken(token))
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .returningAll()
      .executeTakeFirst();
    if (!invitation) return { state: (await findInvitationByToken(trx, token)).state };
    const user = await trx
      .insertInto("app_user")
      .values({
        email: invitation.email,
        display_name: input.displayName,
        role: invitation.role,
        password_hash: passwordHash,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("invitation").set({ accepted_user_id: user.id }).where("id", "=", invitation.id).execute();
    if (invitation.organisation_id) {
      await trx
        .insertInto("mandate")
        .values({
          user_id: user.id,
          organisation_id: invitation.organisation_id,
          note: invitation.mandate_note,
          created_by: invitation.created_by,
        })
        .execute();
    }
    return { userId: user.id };
  });
}
