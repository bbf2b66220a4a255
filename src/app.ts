import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { text } from "../views/common/text.js";
import { authRoutes } from "./auth/auth.routes.js";
import { sessionCookieName } from "./auth/cookies.js";
import { sessionMiddleware } from "./auth/session.middleware.js";
import { accountRoutes } from "./features/account/index.js";
import { castingRoutes, lifecycleRoutes, resultsRoutes, screenRoutes } from "./features/ballots/index.js";
import {
  commentActionRoutes,
  commentLiveRoutes,
  commentPageRoutes,
  commentRoutes,
  notificationSettingsRoutes,
  unsubscribeRoutes,
} from "./features/comments/index.js";
import { dossierRoutes } from "./features/dossier/index.js";
import { emailRoutes } from "./features/email/index.js";
import { healthRoutes } from "./features/health/index.js";
import { moderationPublicRoutes, moderationRoutes } from "./features/moderation/index.js";
import { openDataRoutes } from "./features/opendata/index.js";
import { organisationAdminRoutes, organisationRoutes } from "./features/organisations/index.js";
import { invitationRoutes, peopleRoutes } from "./features/people/index.js";
import { proposalRoutes } from "./features/proposals/index.js";
import { searchRoutes } from "./features/search/index.js";
import { siteRoutes } from "./features/site/index.js";
import { AssetStore } from "./http/assets.js";
import type { AppDeps, AppEnv, RouteDeps } from "./http/env.js";
import { handleError, handleNotFound } from "./http/error-handler.js";
import { AppError } from "./http/errors.js";
import { originCheck } from "./http/middleware/origin-check.js";
import { privateResponsesNotStored } from "./http/middleware/private-cache.js";
import { readableUrl } from "./http/middleware/readable-url.js";
import { requestIdentity } from "./http/middleware/request-id.js";
import { requestLog } from "./http/middleware/request-log.js";
import { securityHeaders } from "./http/middleware/security-headers.js";
import { closeConnectionsWhenShuttingDown } from "./http/middleware/shutdown.js";
import { type Mount, mountAll } from "./http/mount.js";
import { cachedForVisitors, forgetPagesAfterWrites, PageCache } from "./http/page-cache.js";
import { pageRenderer } from "./http/render.js";
import { proposalRegions } from "./proposal-regions.js";

/** Largest request body accepted anywhere; counted on the stream, so chunked bodies are held to it too. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Builds the whole application without listening: the server and the tests share it. */
export function createApp(processDeps: AppDeps): Hono<AppEnv> {
  const assets = new AssetStore();
  const cache =
    processDeps.config.pageCacheMs > 0
      ? new PageCache({ live: processDeps.live, maxAgeMs: processDeps.config.pageCacheMs })
      : undefined;
  const deps: RouteDeps = {
    ...processDeps,
    regions: proposalRegions(processDeps),
    publicPage: cachedForVisitors(cache, sessionCookieName(processDeps.config), processDeps.lifecycle),
  };
  const app = new Hono<AppEnv>();
  app.use(requestIdentity(deps.config.trustProxy));
  app.use(requestLog(deps.logger));
  app.use(compress());
  // Installed before any middleware that can refuse a request (origin, body size), so that
  // every error page, a 413 included, comes in the full document.
  app.use(pageRenderer(assets));
  app.use(closeConnectionsWhenShuttingDown(deps.lifecycle));
  app.use(securityHeaders(deps.config));
  app.use(privateResponsesNotStored());
  app.use(originCheck(deps.config.publicOrigin));
  app.use(readableUrl());
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError(413, "body_too_large", text.errors.tooLargeMessage);
      },
    }),
  );
  app.get("/static/:name", (c) => assets.respond(c, c.req.param("name")) ?? handleNotFound(c));
  app.route("/healthz", healthRoutes(deps));
  if (cache) app.use(forgetPagesAfterWrites(cache));
  app.use(sessionMiddleware(deps));
  mountAll(app, featureMounts(deps));
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

/**
 * Every feature at its prefix. A guarded area (`use(guard)` in its sub-app) owns its prefix: the
 * areas nested in it are nested here, on purpose, and mountAll refuses any other route inside it.
 * Features whose pages span several top-level paths are mounted at `/` and guard route by route.
 */
function featureMounts(deps: RouteDeps): Mount[] {
  const account = accountRoutes(deps);
  account.route("/notifications", notificationSettingsRoutes(deps));
  const staff = peopleRoutes(deps);
  staff.route("/votes", lifecycleRoutes(deps));
  staff.route("/organisations", organisationAdminRoutes(deps));
  return [
    { prefix: "/", routes: siteRoutes(deps) },
    { prefix: "/", routes: authRoutes(deps) },
    { prefix: "/invitation", routes: invitationRoutes(deps) },
    { prefix: "/compte", routes: account },
    { prefix: "/notifications", routes: unsubscribeRoutes(deps) },
    { prefix: "/admin", routes: staff },
    { prefix: "/moderation", routes: moderationRoutes(deps) },
    { prefix: "/propositions", routes: proposalRoutes(deps) },
    { prefix: "/organisations", routes: organisationRoutes(deps) },
    { prefix: "/dev/courriels", routes: emailRoutes(deps) },
    { prefix: "/", routes: castingRoutes(deps) },
    { prefix: "/", routes: resultsRoutes(deps) },
    { prefix: "/", routes: screenRoutes(deps) },
    { prefix: "/", routes: commentRoutes(deps) },
    { prefix: "/", routes: commentActionRoutes(deps) },
    { prefix: "/", routes: commentPageRoutes(deps) },
    { prefix: "/", routes: commentLiveRoutes(deps) },
    { prefix: "/", routes: moderationPublicRoutes(deps) },
    { prefix: "/donnees", routes: openDataRoutes(deps) },
    { prefix: "/dossier", routes: dossierRoutes(deps) },
    { prefix: "/recherche", routes: searchRoutes(deps) },
  ];
}
