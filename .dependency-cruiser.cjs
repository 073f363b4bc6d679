/**
 * The sandbox is an independent oracle: its simulators are written from the providers'
 * documents (../shared/providers.md), never from our clients, so they can catch our misreadings.
 * `npm run lint:boundaries` fails CI on an import across this boundary, and on a layer of lib/
 * importing one above it (platform below integrations below domain and app).
 */
const sandbox = "^lib/integrations/sandbox/";
const sandboxTest = "^lib/integrations/sandbox/.+\\.test\\.ts$";
/** What simulator code may use besides itself: the database handle and types, money helpers. */
const sandboxMayUse = "^(lib/integrations/sandbox/|lib/platform/db/|lib/platform/money/)";
/** The sandbox's public entries: for the app that mounts it, for test harnesses, its published test keys. */
const sandboxEntries = "^lib/integrations/sandbox/(mount|testing|credentials)\\.ts$";
/** Where the product may mount or drive the sandbox: mount points, the dev seed, tooling and tests. */
const mayMountSandbox = [
  "^app/api/sandbox/",
  "^app/api/sandbox-control/",
  "^app/\\(dashboard\\)/sandbox/",
  "^components/sandbox/",
  "^lib/app/actions/sandbox/",
  "^lib/startup\\.ts$",
  "^lib/tooling/cli/sandbox-server\\.ts$",
  "^lib/tooling/dev-seed/",
  "\\.test\\.tsx?$",
  "(^|/)testing/",
  "(^|/)test-harness\\.ts$",
  "^lib/tooling/simulation/",
  "^lib/tooling/bench/",
  "^e2e/",
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "sandbox-not-to-product",
      comment:
        "The simulators import nothing from the product: only lib/platform/db, lib/platform/money, node and npm packages.",
      severity: "error",
      from: { path: sandbox, pathNot: sandboxTest },
      to: { dependencyTypesNot: ["npm", "npm-dev", "core", "type-only"], pathNot: sandboxMayUse },
    },
    {
      name: "sandbox-type-imports-not-to-product",
      comment: "Not even types: the simulators' shapes come from the providers' documents.",
      severity: "error",
      from: { path: sandbox, pathNot: sandboxTest },
      to: { dependencyTypes: ["type-only"], pathNot: sandboxMayUse },
    },
    {
      name: "sandbox-tests-not-to-product",
      comment: "The sandbox's own tests may also use the test database helpers (lib/tooling/testing).",
      severity: "error",
      from: { path: sandboxTest },
      to: {
        dependencyTypesNot: ["npm", "npm-dev", "core"],
        pathNot: "^(lib/integrations/sandbox/|lib/platform/db/|lib/platform/money/|lib/tooling/testing/)",
      },
    },
    {
      name: "product-to-sandbox-entries-only",
      comment:
        "Outside lib/integrations/sandbox, only lib/integrations/sandbox/mount.ts, testing.ts and credentials.ts are importable.",
      severity: "error",
      from: { pathNot: sandbox },
      to: { path: sandbox, pathNot: sandboxEntries },
    },
    {
      name: "product-to-sandbox-from-mount-points-only",
      comment: "Product code reaches the sandbox only from its mount points, the dev seed, tooling and tests.",
      severity: "error",
      from: { pathNot: [sandbox, ...mayMountSandbox] },
      to: { path: sandbox },
    },
    {
      name: "platform-below-everything",
      comment:
        "lib/platform is the ground floor (database, money, time, HTTP, logging): it imports nothing from app, domain or integrations.",
      severity: "error",
      from: { path: "^lib/platform/", pathNot: "\\.test\\.ts$" },
      to: { path: "^lib/(app|domain|integrations|tooling)/" },
    },
    {
      name: "integrations-not-to-app",
      comment: "Provider clients and adapters do not reach up to server actions, forms or queries (lib/app).",
      severity: "error",
      from: { path: "^lib/integrations/", pathNot: "\\.test\\.ts$" },
      to: { path: "^lib/app/" },
    },
  ],
  options: {
    includeOnly: "^(app|components|lib|drizzle|e2e|proxy\\.ts|instrumentation)",
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
