import type { ColumnType, Generated, Selectable } from "kysely";

/** Typed schema of the database; must match migrations/. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export const PROPOSAL_STATUSES = ["brouillon", "debat", "vote_ouvert", "clos"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface CollegeTable {
  slug: string;
  name: string;
  position: number;
}

export interface OrganisationKindTable {
  slug: string;
  label: string;
  position: number;
}

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind_slug: string;
  college_slug: string;
  description: Generated<string>;
  website: string | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProposalTable {
  id: Generated<string>;
  number: number;
  slug: string;
  title: string;
  body: string;
  status: ColumnType<ProposalStatus, ProposalStatus | undefined, ProposalStatus>;
  vote_opens_at: Date | null;
  vote_closes_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export const ROLES = ["administrator", "moderator", "representative"] as const;
export type Role = (typeof ROLES)[number];

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  status: ColumnType<"active" | "suspended", "active" | "suspended" | undefined, "active" | "suspended">;
  password_hash: string;
  password_changed_at: UpdatedAt;
  totp_key: Uint8Array | null;
  totp_enabled_at: Date | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MandateTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  starts_at: ColumnType<Date, Date | string | undefined, Date | string>;
  ends_at: Date | null;
  note: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface UserSessionTable {
  id: string;
  secret_hash: Uint8Array;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Date;
  two_factor_verified: Generated<boolean>;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export interface InvitationTable {
  id: Generated<string>;
  email: string;
  role: Role;
  organisation_id: string | null;
  mandate_note: Generated<string>;
  token_hash: Uint8Array;
  expires_at: Date;
  created_by: string | null;
  created_at: CreatedAt;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  revoked_at: Date | null;
}

export interface PasswordResetTable {
  id: Generated<string>;
  user_id: string;
  token_hash: Uint8Array;
  expires_at: Date;
  created_at: CreatedAt;
  used_at: Date | null;
}

export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: Uint8Array;
  used_at: Date | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  last_failure_at: UpdatedAt;
  blocked_until: Date | null;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  kind: string;
  recipient: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | null;
  failed_at: Date | null;
}

export interface AdminActionTable {
  id: Generated<string>;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
}

export interface Database {
  college: CollegeTable;
  organisation_kind: OrganisationKindTable;
  organisation: OrganisationTable;
  proposal: ProposalTable;
  app_user: AppUserTable;
  mandate: MandateTable;
  user_session: UserSessionTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  recovery_code: RecoveryCodeTable;
  auth_throttle: AuthThrottleTable;
  email_outbox: EmailOutboxTable;
  admin_action: AdminActionTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type ProposalRow = Selectable<ProposalTable>;
