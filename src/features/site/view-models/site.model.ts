/** Who publishes, directs, hosts and answers for the site: from the configuration. */
export interface SiteIdentity {
  publicOrigin: string;
  publisherName: string;
  publisherAddress: string;
  publicationDirector: string;
  contactEmail: string;
  hostingProvider: string;
}

/** How long personal data and links last, as the code enforces it (src/domain/retention.ts and the session settings). */
export interface RetentionFacts {
  sessionInactivityDays: number;
  sessionAbsoluteDays: number;
  emailBodyDays: number;
  resetLinkHours: number;
  invitationDays: number;
  throttleQuietHours: number;
  throttleMaxMinutes: number;
}

/** A proposal as the site map lists it. */
export interface SiteMapProposal {
  number: number;
  slug: string;
  title: string;
}
