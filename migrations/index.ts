import type { Migration } from "kysely";
import * as createCoalition from "./2026_11_22_070000_create_coalition.js";
import * as createAccounts from "./2026_11_22_080000_create_accounts.js";
import * as createComments from "./2026_11_22_090000_create_comments.js";
import * as createBallots from "./2026_11_22_100000_create_ballots.js";
import * as createModeration from "./2026_11_22_110000_create_moderation.js";
import * as addTotpLastStep from "./2026_12_02_100000_add_totp_last_step.js";
import * as createAuditCheckpoints from "./2026_12_03_090000_create_audit_checkpoints.js";
import * as widenLiveEvents from "./2026_12_03_100000_widen_live_events.js";
import * as emailTemplates from "./2026_12_03_110000_email_templates.js";
import * as searchProposals from "./2026_12_04_090000_search_proposals.js";

/**
 * Every migration, by name, in order. Listed statically so that they load the same
 * way under tsx, the compiled build and the test runner (a test checks that every
 * file in this folder is listed here).
 */
export const migrations: Record<string, Migration> = {
  "2026_11_22_070000_create_coalition": createCoalition,
  "2026_11_22_080000_create_accounts": createAccounts,
  "2026_11_22_090000_create_comments": createComments,
  "2026_11_22_100000_create_ballots": createBallots,
  "2026_11_22_110000_create_moderation": createModeration,
  "2026_12_02_100000_add_totp_last_step": addTotpLastStep,
  "2026_12_03_090000_create_audit_checkpoints": createAuditCheckpoints,
  "2026_12_03_100000_widen_live_events": widenLiveEvents,
  "2026_12_03_110000_email_templates": emailTemplates,
  "2026_12_04_090000_search_proposals": searchProposals,
};
