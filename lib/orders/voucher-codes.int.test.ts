import { useMerchantOrderHarness } from "@/lib/orders/testing/merchant-order-harness";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { orders } from "@/drizzle/schema/orders";
import { usd } from "@/lib/providers/octopus-cards/test-harness";
import { testDatabaseKind } from "@/lib/testing/test-database";
import { placeOrder, recordProviderOrder } from "./place-order";
import { revealVoucherCodes } from "./voucher-codes";

describe(`revealing voucher codes [${testDatabaseKind}]`, () => {
  const world = useMerchantOrderHarness();

  it("fetches the codes from the provider once delivered and audits every reveal, without the codes", async () => {
    const quote = await world.h.client.quoteVoucher(123, { denomination: usd("10"), quantity: 2, walletId: 1 });
    const { order } = await placeOrder(world.deps, world.merchant, { vertical: "voucher", clientReference: `ORD-${crypto.randomUUID()}`, productId: 123, productName: "Steam", quantity: 2, faceValue: usd("10"), walletId: 1, quotedCharge: quote.totalPayable });
    if (order.status === "pending") {
      await expect(revealVoucherCodes(world.deps, world.merchant, order.id)).rejects.toMatchObject({ code: "CONFLICT" });
      await world.h.advance({ minutes: 2 });
      await recordProviderOrder(world.deps, order, await world.h.client.getVoucherOrder(order.providerOrderId ?? 0), { source: "provider_poll", kind: "polled" });
    }
    const codes = await revealVoucherCodes(world.deps, world.merchant, order.id);
    expect(codes).toHaveLength(2);
    expect(codes[0]?.cardNumber ?? codes[0]?.pinCode).toBeTruthy();
    await revealVoucherCodes(world.deps, world.merchant, order.id);
    const audits = await world.h.database.db.select().from(auditLog).where(and(eq(auditLog.action, "order.voucher_code_revealed"), eq(auditLog.targetId, order.id)));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => a.after))).not.toContain(String(codes[0]?.pinCode ?? codes[0]?.cardNumber));
    const [stored] = await world.h.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(JSON.stringify(stored?.details)).not.toContain(String(codes[0]?.cardNumber));
  });

  it("refuses an id that is not a voucher order", async () => {
    await expect(revealVoucherCodes(world.deps, world.merchant, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
