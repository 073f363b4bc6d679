import { fieldInWords } from "@/lib/platform/refusal";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/domain/auth/sessions";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { tableChecksums } from "@/lib/tooling/testing/table-checksums";
import { testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { webhookRouteDatabase } from "@/lib/tooling/testing/webhook-route-handlers";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The session layer is not under test here (the RBAC e2e covers it): the signed-in admin is given.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/domain/auth/current-user", () => ({
  requireUser: async () => session.user,
  requirePermission: async () => session.user,
  auditActorFor: async (user: SessionUser) => ({
    userId: user.id,
    email: user.email,
    role: user.role,
    ip: null,
    userAgent: null,
  }),
}));

const { createUserAction } = await import("@/lib/app/actions/users/create-user");
const { issueRefundAction } = await import("@/lib/app/actions/refunds/issue-refund");
const { requestPaymentAction } = await import("@/lib/app/actions/payments/request-payment");
const { rejectRefundAction } = await import("@/lib/app/actions/refunds/reject-refund");

const auditRoute = await import("@/app/api/audit/route");
const paymentsExportRoute = await import("@/app/api/payments/export/route");
const ordersExportRoute = await import("@/app/api/orders/export/route");
const paymentRoute = await import("@/app/api/payments/[id]/route");
const orderRoute = await import("@/app/api/orders/[id]/route");

const nul = "\u0000";
const rule = "must not contain control characters (such as NUL)";

/**
 * The real server actions on a test database: text with a NUL (which Postgres refuses in text,
 * and which used to surface as INTERNAL) is refused before any work, with the field named and
 * its rule, and no table changes.
 */
describe(`server actions refuse NUL in typed text [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  let paymentId: string;
  beforeAll(async () => {
    t = await webhookRouteDatabase();
    const admin = await makeUser(t.db, "admin");
    session.user = {
      id: admin.id,
      email: admin.email,
      name: "Admin",
      role: "admin",
      sessionId: "test",
      secondFactorAt: new Date(),
    };
    const [payment] = await t.db.query.payments.findMany({ limit: 1 });
    paymentId = payment!.id;
  });
  afterAll(async () => t.dispose());

  async function expectRefusedWithoutWrites(run: () => Promise<unknown>, field: string) {
    const before = await tableChecksums(t.db);
    const result = (await run()) as {
      ok: boolean;
      code?: string;
      message?: string;
      fieldErrors?: Record<string, string[]>;
    };
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(result.fieldErrors?.[field]).toContain(rule);
    expect(result.message).toContain(`${fieldInWords(field)} ${rule}`);
    expect(await tableChecksums(t.db)).toEqual(before);
  }

  it("a user name", async () => {
    await expectRefusedWithoutWrites(
      () =>
        createUserAction(null, {
          email: "nul.name@example.test",
          name: `Fiona${nul}Ng`,
          role: "ops",
          password: "a long enough passphrase",
        }),
      "name",
    );
  });

  it("a refund note (multi-line notes keep newlines, never NUL)", async () => {
    await expectRefusedWithoutWrites(
      () =>
        issueRefundAction(null, {
          paymentId,
          kind: "full",
          reason: "other",
          note: `line one\nline${nul}two`,
          idempotencyKey: crypto.randomUUID(),
        }),
      "note",
    );
  });

  it("a rejection reason", async () => {
    await expectRefusedWithoutWrites(
      () => rejectRefundAction(null, { refundId: crypto.randomUUID(), reason: `no${nul}` }),
      "reason",
    );
  });

  it("a payment description and customer name", async () => {
    const form = { method: "checkout_api", currency: "HKD", amount: "10.00", idempotencyKey: crypto.randomUUID() };
    await expectRefusedWithoutWrites(
      () => requestPaymentAction(null, { ...form, description: `Invoice${nul}42` }),
      "description",
    );
    await expectRefusedWithoutWrites(
      () => requestPaymentAction(null, { ...form, customerName: `${nul}` + "x" }),
      "customerName",
    );
  });
});

describe(`route handlers refuse bad query parameters with 422 or 404, never 500 [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await webhookRouteDatabase();
    const admin = await makeUser(t.db, "admin");
    session.user = {
      id: admin.id,
      email: admin.email,
      name: "Admin",
      role: "admin",
      sessionId: "test",
      secondFactorAt: new Date(),
    };
  });
  afterAll(async () => t.dispose());

  const get = (path: string) => new Request(`http://localhost:3000${path}`);
  const crafted = Buffer.from(
    JSON.stringify({ v: 1, s: "newest", t: "2026-13-45T25:61:61.000000Z", i: "00000000-0000-4000-8000-000000000000" }),
  ).toString("base64url");

  it.each([
    ["/api/audit?actor=%00", "actor"],
    ["/api/audit?action=refund%00", "action"],
    ["/api/audit?target=%1B%5B31m", "target"],
    ["/api/audit?cursor=99999999999999999999", "cursor"],
    ["/api/audit?cursor=007", "cursor"],
    ["/api/payments/export?q=ab%00", "q"],
    ["/api/payments/export?status=captured,%00", "status"],
    ["/api/orders/export?q=ab%00", "q"],
  ])("GET %s → 422 naming %s", async (path, field) => {
    const before = await tableChecksums(t.db);
    const route = path.startsWith("/api/audit")
      ? auditRoute
      : path.startsWith("/api/payments")
        ? paymentsExportRoute
        : ordersExportRoute;
    const response = await route.GET(get(path));
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { message: string; fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors)).toEqual([field]);
    expect(body.error.message).not.toMatch(/\.\d/);
    expect(await tableChecksums(t.db)).toEqual(before);
  });

  it("a crafted cursor on the payments export is dropped (exports always start at the top), not a 500", async () => {
    const response = await paymentsExportRoute.GET(get(`/api/payments/export?cursor=${crafted}`));
    expect(response.status).toBe(200);
    await response.text();
  });

  it.each(["not-a-uuid", "%00", "00000000-0000-4000-8000-00000000000%00", "'%20or%201=1"])(
    "GET /api/payments/%s and /api/orders/%s → 404",
    async (id) => {
      const params = { params: Promise.resolve({ id: decodeURIComponent(id) }) };
      expect((await paymentRoute.GET(get(`/api/payments/${id}`), params)).status).toBe(404);
      expect((await orderRoute.GET(get(`/api/orders/${id}`), params)).status).toBe(404);
    },
  );
});
