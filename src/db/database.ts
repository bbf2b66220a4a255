import type { ColumnType, Generated } from "kysely";
import type { CheckpointReason } from "../domain/audit.js";
import type { AdoptionRule, Choice, VoteResult } from "../domain/ballots.js";
import type { NotificationFrequency, Stance } from "../domain/debate.js";
import type { EmailTemplate } from "../domain/email.js";
import type { LiveEventKind } from "../domain/live.js";
import type { ModerationRule } from "../domain/moderation.js";
import type { Role } from "../domain/people.js";
import type { ProposalStatus } from "../domain/proposals.js";

/** Typed schema of the database; must match migrations/. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

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
  /** numeric: read as a string by pg. */
  quorum_fraction: ColumnType<string, string | number | undefined, string | number>;
  quorum_count: number | null;
  adoption_rule: ColumnType<AdoptionRule, AdoptionRule | undefined, AdoptionRule>;
  show_running_tally: Generated<boolean>;
  result: VoteResult | null;
  result_at: Date | null;
  thread_locked_at: Date | null;
  thread_locked_reason: string | null;
}

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
  /** Last accepted TOTP time step (bigint, read as a string by pg); a code is valid once. */
  totp_last_step: ColumnType<string | null, string | null | undefined, string | null>;
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
  failures: Generated<number>;
  last_failure_at: UpdatedAt;
  blocked_until: Date | null;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  kind: string;
  recipient: string;
  /** Written when sent for a templated email (empty until then); as queued for older rows. */
  subject: string;
  body_text: string;
  /** The template and its parameters, for emails written when sent. */
  template: ColumnType<EmailTemplate | null, string | null, string | null>;
  lang: Generated<string>;
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

export interface ProposalSecretTable {
  proposal_id: string;
  salt: Uint8Array;
  revealed_at: Date | null;
}

export interface BallotEventTable {
  id: ColumnType<string, string, never>;
  proposal_id: string;
  organisation_id: string;
  user_id: string;
  action: "cast" | "change";
  choice: Choice;
  reason: Generated<string>;
  receipt: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface BallotTable {
  id: Generated<string>;
  proposal_id: string;
  organisation_id: string;
  choice: Choice;
  reason: Generated<string>;
  cast_by: string;
  last_event_id: string;
  receipt: string;
  first_cast_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: UpdatedAt;
}

export interface VoteReminderTable {
  proposal_id: string;
  user_id: string;
  hours_before: 24 | 48;
  sent_at: CreatedAt;
}

export interface AuditEventTable {
  id: Generated<string>;
  prev_hash: string;
  hash: string;
  kind: string;
  proposal_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: CreatedAt;
}

export interface AuditCheckpointTable {
  id: Generated<string>;
  /** bigint, read as a string by pg. */
  chain_length: ColumnType<string, number, never>;
  head_hash: string;
  signed_at: Date;
  signature: string;
  key_fingerprint: string;
  reason: CheckpointReason;
}

export interface CommentTable {
  id: Generated<string>;
  proposal_id: string;
  parent_id: string | null;
  root_id: string | null;
  reply_to_id: string | null;
  depth: number;
  author_id: string;
  organisation_id: string;
  mandate_id: string;
  stance: Stance | null;
  body: string;
  idempotency_key: string;
  support_count: Generated<number>;
  version: Generated<number>;
  created_at: CreatedAt;
  edited_at: Date | null;
  deleted_at: Date | null;
  /** Generated by the database from body; never written. */
  search_vector: ColumnType<string | null, never, never>;
  hidden_at: Date | null;
  hidden_rule: ModerationRule | null;
  hidden_reason: string | null;
  pinned_at: Date | null;
}

export interface ModerationReportTable {
  id: Generated<string>;
  comment_id: string;
  reporter_id: string;
  rule: ModerationRule;
  note: Generated<string>;
  created_at: CreatedAt;
  closed_at: Date | null;
}

export interface ModerationActionTable {
  id: Generated<string>;
  kind: string;
  actor_id: string;
  target_type: "comment" | "proposal" | "app_user" | "synthesis";
  target_id: string;
  audit_event_id: string;
  created_at: CreatedAt;
}

export interface SynthesisVersionTable {
  proposal_id: string;
  version: number;
  body: string;
  author_id: string;
  created_at: CreatedAt;
  published_at: Date | null;
}

export interface CommentVersionTable {
  comment_id: string;
  version: number;
  body: string;
  editor_id: string;
  created_at: CreatedAt;
}

export interface CommentMentionTable {
  comment_id: string;
  organisation_id: string;
}

export interface CommentSupportTable {
  comment_id: string;
  organisation_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface LiveEventTable {
  id: Generated<string>;
  proposal_id: string;
  kind: LiveEventKind;
  /** Null for events about the proposal as a whole (ballots, transitions, lock, synthesis). */
  comment_id: string | null;
  created_at: CreatedAt;
}

export interface ProposalFollowTable {
  user_id: string;
  proposal_id: string;
  created_at: CreatedAt;
}

export interface NotificationSettingTable {
  user_id: string;
  frequency: NotificationFrequency;
  updated_at: UpdatedAt;
}

export interface SigningKeyTable {
  name: string;
  key: Uint8Array;
  created_at: CreatedAt;
}

export interface PendingNotificationTable {
  id: Generated<string>;
  user_id: string;
  comment_id: string;
  reason: "reply" | "mention" | "followed";
  created_at: CreatedAt;
  sent_at: Date | null;
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
  comment: CommentTable;
  comment_version: CommentVersionTable;
  comment_mention: CommentMentionTable;
  comment_support: CommentSupportTable;
  live_event: LiveEventTable;
  proposal_follow: ProposalFollowTable;
  notification_setting: NotificationSettingTable;
  pending_notification: PendingNotificationTable;
  signing_key: SigningKeyTable;
  proposal_secret: ProposalSecretTable;
  ballot_event: BallotEventTable;
  ballot: BallotTable;
  vote_reminder: VoteReminderTable;
  audit_event: AuditEventTable;
  audit_checkpoint: AuditCheckpointTable;
  moderation_report: ModerationReportTable;
  moderation_action: ModerationActionTable;
  synthesis_version: SynthesisVersionTable;
}
