/**
 * Architecture rules, checked by `npm run lint`. No per-file exceptions: when a rule fails,
 * the code moves, not this file. test/unit/architecture.test.ts plants a forbidden import
 * for each rule and checks that it fails. docs/architecture.md says which further rules
 * (feature boundaries, cycles) are on their way and what still stands in their way.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "views-no-database",
      comment: "A view gets plain data; it never imports database code (src/db, kysely, pg).",
      severity: "error",
      from: { path: "^views/" },
      to: { path: ["^src/db/", "^node_modules/(kysely|pg)/"] },
    },
    {
      name: "views-only-vocabulary-and-models",
      comment: "From src/, a view imports only the domain vocabulary (src/domain) and view models (*.model.ts).",
      severity: "error",
      from: { path: "^views/" },
      to: { path: "^src/", pathNot: ["^src/domain/", "\\.model\\.ts$"] },
    },
    {
      name: "domain-no-views-or-http",
      comment:
        "Models, presenters, services, queries and read models know nothing of pages or HTTP: they refuse with codes, emails are written when sent.",
      severity: "error",
      from: { path: "^src/features/.+\\.(model|presenter|service|queries|read)\\.tsx?$" },
      to: { path: ["^views/", "^src/http/", "^node_modules/hono/"] },
    },
    {
      name: "domain-vocabulary-stands-alone",
      comment: "src/domain (vocabulary, actor, refusals) imports nothing of the application.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: ["^src/(?!domain/)", "^views/", "^node_modules/"] },
    },
    {
      name: "features-only-through-index",
      comment: "A feature reaches another feature through its index.ts only (shared modules are open to all).",
      severity: "error",
      from: { path: "^src/features/([^/]+)/" },
      to: { path: "^src/features/", pathNot: ["^src/features/$1/", "^src/features/[^/]+/index\\.ts$"] },
    },
    {
      name: "outside-features-only-through-index",
      comment: "app.ts, server.ts, auth, http, seed and cli reach a feature through its index.ts only.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/features/" },
      to: { path: "^src/features/", pathNot: "^src/features/[^/]+/index\\.ts$" },
    },
    {
      name: "shared-modules-no-features",
      comment: "The audit chain, live events, mandates, the job runner and the domain sit below every feature.",
      severity: "error",
      from: { path: "^src/(audit|live|mandates|jobs|domain)/" },
      to: { path: "^src/features/" },
    },
    {
      name: "shared-modules-no-views-or-http",
      comment: "The audit chain, live events and mandates know nothing of pages or HTTP.",
      severity: "error",
      from: { path: "^src/(audit|live|mandates|domain)/" },
      to: { path: ["^views/", "^src/http/", "^node_modules/hono/"] },
    },
    {
      name: "one-render-path",
      comment:
        "Only src/http/render.tsx reads htmx request headers: routes answer with renderPage, renderFragmentOrPage or fragmentOrRedirect.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/http/render\\.tsx$" },
      to: { path: "^src/http/htmx\\.ts$" },
    },
    {
      name: "no-folder-cycles",
      comment: "No folder depends on itself through others: layers and features stay one-way.",
      severity: "error",
      scope: "folder",
      from: { path: "^(src|views)/" },
      to: { circular: true },
    },
    {
      name: "no-module-cycles",
      comment: "No module imports itself through others (the proposal page's regions are composed in app.ts for that).",
      severity: "error",
      from: { path: "^(src|views)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: ["^src/", "^views/", "^node_modules/(kysely|pg|hono)/"],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
