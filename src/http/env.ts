import type { MiddlewareHandler } from "hono";
import type { Kysely } from "kysely";
import type { ProposalSections } from "../../views/proposals/ProposalPage.js";
import type { CheckpointSigner } from "../audit/checkpoints.js";
import type { Database } from "../db/database.js";
import type { Actor } from "../domain/actor.js";
import type { DiscussionFilter } from "../domain/debate.js";
import type { LiveEventKind } from "../domain/live.js";
import type { LiveBroker } from "../live/broker.js";
import type { Config } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";

/** The signed-in person as every route and view sees them: the domain's actor. */
export type CurrentUser = Actor;

export interface CurrentSession {
  id: string;
  twoFactorVerified: boolean;
}

/** Per-request values set by middleware. */
export interface AppVariables {
  requestId: string;
  logger: Logger;
  /** Undefined for visitors; set by the session middleware. */
  user: CurrentUser | undefined;
  session: CurrentSession | undefined;
  /** Set by a route or an area that declares its responses personal: never stored by a browser or a proxy. */
  personal: true | undefined;
}

export type AppEnv = { Variables: AppVariables };

/**
 * What a handler behind `requireUser` or `requireCapability` sees: the guard itself sets
 * `actor` and `actorSession` once it has checked them, so the handler reads them without a cast.
 */
export type ActorEnv = AppEnv & { Variables: { actor: CurrentUser; actorSession: CurrentSession } };

/** Process-wide state the server flips when it starts shutting down. */
export interface Lifecycle {
  shuttingDown: boolean;
}

/** A proposal as the regions of its page need it. */
export interface ProposalRef {
  id: string;
  slug: string;
  status: string;
}

/** A live event as the proposal page's stream hands it to the feature that draws it. */
export interface ProposalLiveEvent {
  id: string;
  proposalId: string;
  kind: LiveEventKind;
  commentId: string | null;
}

/** Who a proposal's live stream draws for: its page, or its meeting screen (`?vue=seance`). */
export type LiveAudience = "page" | "screen";

/**
 * The regions of a proposal page, each drawn by the feature that owns it (the vote, the debate,
 * the synthesis), composed once in app.ts: a feature re-renders the whole page after a refused
 * form without importing the others, and the page's live stream asks the right one for each event.
 */
export interface ProposalRegions {
  load(
    proposal: ProposalRef,
    viewer: CurrentUser | undefined,
    flags?: { message?: string | undefined },
  ): Promise<ProposalSections>;
  /** `audience`: the proposal page (default), or the meeting screen, which shows only the vote. */
  renderEvent(
    event: ProposalLiveEvent,
    viewer: CurrentUser | undefined,
    filter: DiscussionFilter,
    audience?: LiveAudience,
  ): Promise<string>;
}

/** What every route factory receives: built once in createApp, never global. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  lifecycle: Lifecycle;
  /** Signs the journal's checkpoints (key from CHECKPOINT_SIGNING_KEY or DATA_DIR, never from the database). */
  signer: CheckpointSigner;
  /** This instance's LISTEN connection (live debate); without it, live pages fall back to polling the database. */
  live?: LiveBroker | undefined;
}

/** What a route factory receives from createApp: the process's dependencies and the composed page regions. */
export interface RouteDeps extends AppDeps {
  regions: ProposalRegions;
  /** Declared on the route of a public page: visitors without a session get it from the page cache. */
  publicPage: MiddlewareHandler<AppEnv>;
}
