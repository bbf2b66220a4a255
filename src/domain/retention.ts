/**
 * How long personal data and one-time links last: the code enforces these values and the
 * personal-data page (/donnees-personnelles) shows them, so the two cannot drift apart.
 * Session lifetimes are configuration (SESSION_INACTIVITY_DAYS, SESSION_ABSOLUTE_DAYS).
 */
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A sent email's body (it may hold single-use links) is blanked once it is this many days old. */
export const EMAIL_BODY_RETENTION_DAYS = 7;

/** A password reset link works this long, once. */
export const PASSWORD_RESET_LIFETIME_MS = HOUR_MS;

/** An invitation link works this long, once (an administrator may send it again). */
export const INVITATION_LIFETIME_MS = 7 * DAY_MS;

/** Failed sign-ins are counted again from zero after this many hours without a failure. */
export const THROTTLE_QUIET_RESET_HOURS = 24;

/** The longest wait imposed after repeated failed sign-ins. */
export const THROTTLE_MAX_DELAY_MS = 15 * MINUTE_MS;
