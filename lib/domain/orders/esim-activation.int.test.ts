import { useMerchantOrderHarness } from "@/lib/domain/orders/testing/merchant-order-harness";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { orders } from "@/drizzle/schema/orders";
import { usd } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { databaseText, tablesContaining } from "@/lib/tooling/testing/database-text";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { esimSummaryOf, rememberEsimIccid, revealEsimActivation } from "./esim-activation";
import { placeOrder } from "./place-order";

describe(`revealing an eSIM activation code [${testDatabaseKind}]`, () => {
  const world = useMerchantOrderHarness();

  it("fetches the LPA string from the provider, draws its QR, audits every reveal without the code, and stores it nowhere", async () => {
    const quote = await world.h.client.quoteEsim({ productId: 712, amount: usd("4.5") });
    const { order } = await placeOrder(world.deps, world.merchant, {
      vertical: "esim",
      clientReference: `ESIM-${crypto.randomUUID()}`,
      productId: 712,
      productName: "Japan eSIM",
      quantity: 1,
      faceValue: usd("4.5"),
      walletId: 1,
      quotedCharge: quote.totalPayable,
    });
    const first = await revealEsimActivation(world.deps, world.merchant, order.id);
    expect(first.activationCode).toMatch(/^LPA:1\$/);
    expect(first.qrSvg).toContain("<svg");
    expect(first.activationCode).toBe((await world.h.client.getEsimOrder(order.providerOrderId ?? 0)).activationCode);
    await revealEsimActivation(world.deps, world.merchant, order.id);

    const audits = await world.h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "order.esim_activation_revealed"), eq(auditLog.targetId, order.id)));
    expect(audits).toHaveLength(2);
    expect(audits[0]?.actorUserId).toBe(world.merchant.userId);
    expect(tablesContaining(await databaseText(world.h.database.db), first.activationCode)).toEqual([]);
  });

  it("the page's summary of an eSIM carries no activation code", async () => {
    const esim = await world.h.client.createEsimOrder({
      productId: 712,
      amount: usd("4.5"),
      clientReference: `ESIM-${crypto.randomUUID()}`,
    });
    const summary = esimSummaryOf(esim);
    expect(summary.hasActivationCode).toBe(true);
    expect(summary).not.toHaveProperty("activationCode");
    expect(Object.values(summary)).not.toContain(esim.activationCode);
  });

  async function placedEsim() {
    const quote = await world.h.client.quoteEsim({ productId: 712, amount: usd("4.5") });
    const { order } = await placeOrder(world.deps, world.merchant, {
      vertical: "esim",
      clientReference: `ESIM-${crypto.randomUUID()}`,
      productId: 712,
      productName: "Japan eSIM",
      quantity: 1,
      faceValue: usd("4.5"),
      walletId: 1,
      quotedCharge: quote.totalPayable,
    });
    return order;
  }
  const keptIccid = async (id: string) =>
    (await world.h.database.db.select({ iccid: orders.esimIccid }).from(orders).where(eq(orders.id, id)))[0]?.iccid;

  it("keeps the ICCID a reveal saw (the provider drops it once installed) and never overwrites one already kept", async () => {
    const order = await placedEsim();
    await world.h.database.db.update(orders).set({ esimIccid: null }).where(eq(orders.id, order.id));
    await revealEsimActivation(world.deps, world.merchant, order.id);
    const iccid = (await world.h.client.getEsimOrder(order.providerOrderId ?? 0)).iccid;
    expect(iccid).toMatch(/^\d{18,22}$/);
    expect(await keptIccid(order.id)).toBe(iccid);
    await rememberEsimIccid(world.h.database.db, order.id, "8900000000000000000");
    expect(await keptIccid(order.id)).toBe(iccid);
  });

  it("only the person who placed the order and admins may reveal the activation code; every refusal is audited", async () => {
    const order = await placedEsim();
    const db = world.h.database.db;
    const [otherMerchant, admin, finance, ops] = await Promise.all(
      (["merchant", "admin", "finance", "ops"] as const).map(async (role) => actorOf(await makeUser(db, role))),
    );
    for (const actor of [otherMerchant!, finance!, ops!])
      await expect(revealEsimActivation(world.deps, actor, order.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refusals = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "order.secret_reveal_refused"), eq(auditLog.targetId, order.id)));
    expect(refusals.map((r) => r.actorUserId).sort()).toEqual(
      [otherMerchant, finance, ops].map((a) => a!.userId).sort(),
    );
    expect(refusals[0]?.after).toEqual({ secret: "eSIM activation code" });
    expect((await revealEsimActivation(world.deps, admin!, order.id)).activationCode).toMatch(/^LPA:1\$/);
  });

  it("refuses an id that is not an eSIM order", async () => {
    await expect(revealEsimActivation(world.deps, world.merchant, crypto.randomUUID())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
