import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { fromCheckoutStatus, fromOctoStatus } from "@/lib/domain/payments/payment-status";
import type { PaymentRequestDeps } from "@/lib/domain/payments/request/request-payment";
import { startCheckoutHarness, type CheckoutHarness } from "@/lib/integrations/providers/checkout/testing/harness";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { isOctoCurrency } from "@/lib/integrations/providers/octo/amounts";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { seedFreshSandbox } from "./run-seed";
import { planSeedHistory } from "./seed-plan";

describe(`sandbox seed history [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  let deps: PaymentRequestDeps;
  beforeAll(async () => {
    h = await startCheckoutHarness();
    const octo = createOctoClient({
      ...sandboxCredentials.octo,
      baseUrl: h.config.baseUrl.replace(/\/checkout$/, "/octo"),
    });
    deps = {
      db: h.db,
      clients: { checkout: h.client, octo },
      urls: {
        customerReturnUrl: "https://merchant.example/paid",
        octoNotifyUrl: "https://merchant.example/notify",
        octoTest: true,
      },
    };
  }, 180_000);
  afterAll(async () => h?.close());

  it("plans every flow, currency and customer decision, deterministically, spread over the period", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const plan = planSeedHistory({ count: 300, days: 120, now });
    expect(planSeedHistory({ count: 300, days: 120, now })).toEqual(plan);
    expect(new Set(plan.map((p) => p.method))).toEqual(new Set(["checkout_api", "checkout_setup", "octo"]));
    expect(new Set(plan.map((p) => p.currency))).toEqual(new Set(["HKD", "UZS", "USD", "RUB"]));
    expect(new Set(plan.map((p) => p.decision))).toEqual(
      new Set(["approve", "decline", "cancel", "expire", "abandon"]),
    );
    expect(new Set(plan.map((p) => p.refund))).toEqual(new Set(["none", "partial", "full"]));
    const ages = plan.map((p) => (now.getTime() - p.requestedAt.getTime()) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(100);
    expect(Math.min(...ages)).toBeLessThan(1);
    expect(plan.every((p) => /^\d+\.\d{2}$/.test(p.amountMajor))).toBe(true);
  });

  it("makes the payments through the sandboxes, so every ledger row agrees with its provider, and runs once", async () => {
    const now = new Date();
    const summary = await seedFreshSandbox(deps, { count: 30, days: 60, now });
    if (summary === "skipped") throw new Error("a fresh database was not seeded");
    expect(summary.requested).toBe(30);
    expect(summary.notAccepted).toBe(0);
    expect(Object.keys(summary.byStatus).length).toBeGreaterThanOrEqual(3);

    const rows = await h.db.select().from(payments);
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      expect(row.providerPaymentId, row.reference).not.toBeNull();
      expect(row.createdAt.getTime()).toBeLessThan(now.getTime());
      if (row.provider === "checkout") {
        const atProvider = await h.client.getPayment(row.providerPaymentId ?? "");
        expect({
          status: fromCheckoutStatus(atProvider.status),
          amount: atProvider.amountMinor,
          currency: atProvider.currency,
        }).toEqual({ status: row.status, amount: row.amountMinor, currency: row.currency });
      } else {
        if (!isOctoCurrency(row.currency)) throw new Error(`unexpected OCTO currency ${row.currency}`);
        const atProvider = await deps.clients.octo.checkPaymentStatus(row.reference, row.currency);
        expect({
          status: fromOctoStatus(atProvider.status),
          amount: atProvider.totalMinor,
          id: atProvider.octoPaymentUuid,
        }).toEqual({ status: row.status, amount: row.amountMinor, id: row.providerPaymentId });
      }
    }
    expect(summary.refunds).toBeGreaterThan(0);
    const reserved = rows.reduce((sum, row) => sum + row.refundReservedMinor, 0n);
    expect(reserved).toBeGreaterThan(0n);
    for (const row of rows) expect(row.refundReservedMinor).toBeLessThanOrEqual(row.capturedMinor);
    expect(await seedFreshSandbox(deps, { count: 30, now })).toBe("skipped");
  }, 120_000);
});
