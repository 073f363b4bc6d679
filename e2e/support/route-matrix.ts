import { readFileSync } from "node:fs";
import type { RoleName } from "./roles";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteAccess =
  /** No session needed, on purpose; `reason` says why. */
  | { kind: "public"; reason: string }
  /** Any signed-in user; others 401. */
  | { kind: "signed-in" }
  /** These roles get `allowedStatus`; other signed-in users 403, no session 401. */
  | { kind: "roles"; allowed: readonly RoleName[] };

export interface RouteCase {
  /** The route as the build names it ("/api/payments/[id]"). */
  route: string;
  methods: readonly Method[];
  /** A concrete URL for the route (made-up ids: allowed callers get 404, which still proves access). */
  url: string;
  access: RouteAccess;
  allowedStatus?: number;
  /** Needs a fresh second factor: an allowed role with a stale session gets 403 STEP_UP_REQUIRED. */
  stepUp?: true;
}

const someId = "00000000-0000-4000-8000-00000000000f";
const readers = {
  payments: ["admin", "finance", "ops"],
  orders: ["admin", "finance", "ops", "merchant"],
} as const satisfies Record<string, readonly RoleName[]>;

/** Every route handler of the app. The RBAC spec fails when the build has one that is not listed here. */
export const routeMatrix: readonly RouteCase[] = [
  {
    route: "/api/health",
    methods: ["GET"],
    url: "/api/health",
    access: { kind: "public", reason: "readiness probe for load balancers; answers only ok/unavailable" },
  },
  {
    route: "/api/auth/[...nextauth]",
    methods: ["GET", "POST"],
    url: "/api/auth/csrf",
    access: { kind: "public", reason: "next-auth's own sign-in/sign-out/csrf endpoints" },
  },
  {
    route: "/api/webhooks/[provider]",
    methods: ["POST"],
    url: "/api/webhooks/checkout",
    access: {
      kind: "public",
      reason:
        "payment provider webhooks (Checkout.com's Cko-Signature HMAC, OCTO's callback signature) are their authentication (unsigned → 401; an unknown provider → 404)",
    },
  },
  {
    route: "/api/webhooks/octopus-cards",
    methods: ["POST"],
    url: "/api/webhooks/octopus-cards",
    access: {
      kind: "public",
      reason: "provider webhook: X-Signature HMAC + fresh X-Timestamp are its authentication (unsigned → 401)",
    },
  },
  {
    route: "/api/sandbox/[provider]/[[...path]]",
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    url: "/api/sandbox/checkout/payments",
    access: {
      kind: "public",
      reason: "the provider simulators, with their own provider credentials; 404 in live mode",
    },
  },
  {
    route: "/api/sandbox/alert-sink",
    methods: ["POST"],
    url: "/api/sandbox/alert-sink",
    access: {
      kind: "public",
      reason: "the sandbox's stand-in for a team's chat webhook: it keeps what arrives; 404 in live mode",
    },
  },
  {
    route: "/api/sandbox-control/[...path]",
    methods: ["GET", "POST", "DELETE"],
    // An unknown control endpoint: admins get 404 on every method, which proves access and moves nothing.
    url: "/api/sandbox-control/not-an-endpoint",
    // Scripts and tests may use Authorization: Bearer <SANDBOX_CONTROL_TOKEN> instead (e2e/sandbox.spec.ts).
    access: { kind: "roles", allowed: ["admin"] },
    allowedStatus: 404,
  },
  { route: "/icon.svg", methods: ["GET"], url: "/icon.svg", access: { kind: "public", reason: "the favicon" } },
  { route: "/api/me", methods: ["GET"], url: "/api/me", access: { kind: "signed-in" }, allowedStatus: 200 },
  {
    route: "/api/audit",
    methods: ["GET"],
    url: "/api/audit",
    access: { kind: "roles", allowed: ["admin"] },
    allowedStatus: 200,
  },
  {
    route: "/api/payments/[id]",
    methods: ["GET"],
    url: `/api/payments/${someId}`,
    access: { kind: "roles", allowed: readers.payments },
    allowedStatus: 404,
  },
  {
    route: "/api/payments/[id]/refunds",
    methods: ["GET"],
    url: `/api/payments/${someId}/refunds`,
    access: { kind: "roles", allowed: readers.payments },
    allowedStatus: 404,
  },
  {
    route: "/api/payments/export",
    methods: ["GET"],
    url: "/api/payments/export",
    access: { kind: "roles", allowed: readers.payments },
    allowedStatus: 200,
    stepUp: true,
  },
  {
    route: "/api/orders/[id]",
    methods: ["GET"],
    url: `/api/orders/${someId}`,
    access: { kind: "roles", allowed: readers.orders },
    allowedStatus: 404,
  },
  {
    route: "/api/orders/export",
    methods: ["GET"],
    url: "/api/orders/export",
    access: { kind: "roles", allowed: readers.orders },
    allowedStatus: 200,
    stepUp: true,
  },
  {
    route: "/api/orders/export/totals",
    methods: ["GET"],
    url: "/api/orders/export/totals",
    access: { kind: "roles", allowed: readers.orders },
    allowedStatus: 200,
    stepUp: true,
  },
  // Placing orders (admin, merchant) lets a caller ask; the order's placer or an admin gets its codes (e2e/order-page-codes.spec.ts).
  {
    route: "/api/orders/[id]/codes",
    methods: ["GET"],
    url: `/api/orders/${someId}/codes`,
    access: { kind: "roles", allowed: ["admin", "merchant"] },
    allowedStatus: 404,
    stepUp: true,
  },
];

/** Route cases that need a session, one per method. */
export const protectedRouteCalls = routeMatrix
  .filter((r) => r.access.kind !== "public")
  .flatMap((r) => r.methods.map((method) => ({ ...r, method })));

/** The status a signed-in user of `role` must get from a protected route. */
export function expectedStatusFor(route: RouteCase, role: RoleName): number {
  if (route.access.kind === "roles" && !route.access.allowed.includes(role)) return 403;
  return route.allowedStatus ?? 200;
}

/** Every route handler in this build ("/api/me"), from Next.js's app paths manifest. */
export function allRouteHandlers(): string[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((key) => key.endsWith("/route"))
    .map((key) => key.replace(/\/route$/, ""))
    .sort();
}
