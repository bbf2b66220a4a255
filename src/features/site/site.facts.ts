import {
  EMAIL_BODY_RETENTION_DAYS,
  INVITATION_LIFETIME_MS,
  PASSWORD_RESET_LIFETIME_MS,
  THROTTLE_MAX_DELAY_MS,
  THROTTLE_QUIET_RESET_HOURS,
} from "../../domain/retention.js";
import type { Config } from "../../platform/config.js";
import type { RetentionFacts, SiteIdentity } from "./view-models/site.model.js";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The deployment's publisher, director, contact and host, as the legal pages show them. */
export function siteIdentity(config: Config): SiteIdentity {
  return {
    publicOrigin: config.publicOrigin,
    publisherName: config.publisherName,
    publisherAddress: config.publisherAddress,
    publicationDirector: config.publicationDirector,
    contactEmail: config.contactEmail,
    hostingProvider: config.hostingProvider,
  };
}

/** The retention the code enforces, read from the same constants and settings the code uses. */
export function retentionFacts(config: Config): RetentionFacts {
  return {
    sessionInactivityDays: config.sessionInactivityMs / DAY_MS,
    sessionAbsoluteDays: config.sessionAbsoluteMs / DAY_MS,
    emailBodyDays: EMAIL_BODY_RETENTION_DAYS,
    resetLinkHours: PASSWORD_RESET_LIFETIME_MS / HOUR_MS,
    invitationDays: INVITATION_LIFETIME_MS / DAY_MS,
    throttleQuietHours: THROTTLE_QUIET_RESET_HOURS,
    throttleMaxMinutes: THROTTLE_MAX_DELAY_MS / MINUTE_MS,
  };
}
