import { useMerchantOrderHarness } from "@/lib/orders/testing/merchant-order-harness";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { usd } from "@/lib/providers/octopus-cards/test-harness";
import { databaseText, tablesContaining } from "@/lib/testing/database-text";
import { testDatabaseKind } from "@/lib/testing/test-database";
import { esimSummaryOf, revealEsimActivation } from "./esim-activation";
import { placeOrder } from "./place-order";

describe(`revealing an eSIM activation code [${testDatabaseKind}]`, () => {
  const world = useMerchantOrderHarness();

  it("fetches the LPA string from the provider, draws its QR, audits every reveal without the code, and stores it nowhere", async () => {
    const quote = await world.h.client.quoteEsim({ productId: 712, amount: usd("4.5") });
    const { order } = await placeOrder(world.deps, world.merchant, { vertical: "esim", clientReference: `ESIM-${crypto.randomUUID()}`, productId: 712, productName: "Japan eSIM", quantity: 1, faceValue: usd("4.5"), walletId: 1, quotedCharge: quote.totalPayable });
    const first = await revealEsimActivation(world.deps, world.merchant, order.id);
    expect(first.activationCode).toMatch(/^LPA:1\$/);
    expect(first.qrSvg).toContain("<svg");
    expect(first.activationCode).toBe((await world.h.client.getEsimOrder(order.providerOrderId ?? 0)).activationCode);
    await revealEsimActivation(world.deps, world.merchant, order.id);

    const audits = await world.h.database.db.select().from(auditLog).where(and(eq(auditLog.action, "order.esim_activation_revealed"), eq(auditLog.targetId, order.id)));
    expect(audits).toHaveLength(2);
    expect(audits[0]?.actorUserId).toBe(world.merchant.userId);
    expect(tablesContaining(await databaseText(world.h.database.db), first.activationCode)).toEqual([]);
  });

  it("the page's summary of an eSIM carries no activation code", async () => {
    const esim = await world.h.client.createEsimOrder({ productId: 712, amount: usd("4.5"), clientReference: `ESIM-${crypto.randomUUID()}` });
    const summary = esimSummaryOf(esim);
    expect(summary.hasActivationCode).toBe(true);
    expect(summary).not.toHaveProperty("activationCode");
    expect(Object.values(summary)).not.toContain(esim.activationCode);
  });

  it("refuses an id that is not an eSIM order", async () => {
    await expect(revealEsimActivation(world.deps, world.merchant, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
