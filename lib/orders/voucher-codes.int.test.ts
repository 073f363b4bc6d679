import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { orders } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/audit/record-audit";
import { startHarness, usd, type Harness } from "@/lib/providers/octopus-cards/test-harness";
import { actorOf, makeUser } from "@/lib/testing/fixtures";
import { testDatabaseKind } from "@/lib/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/wallet/ensure-wallets";
import { placeOrder, recordProviderOrder, type OrderDeps } from "./place-order";
import { revealVoucherCodes } from "./voucher-codes";

describe(`revealing voucher codes [${testDatabaseKind}]`, () => {
  let h: Harness;
  let deps: OrderDeps;
  let merchant: AuditActor;

  beforeAll(async () => {
    h = await startHarness();
    deps = { db: h.database.db, client: h.client, now: () => new Date() };
    merchant = actorOf(await makeUser(h.database.db, "merchant"));
    await ensureWalletsInLedger(h.database.db, h.client);
  }, 180_000);
  afterAll(async () => h?.close());

  it("fetches the codes from the provider once delivered and audits every reveal, without the codes", async () => {
    const quote = await h.client.quoteVoucher(123, { denomination: usd("10"), quantity: 2, walletId: 1 });
    const { order } = await placeOrder(deps, merchant, { vertical: "voucher", clientReference: `ORD-${crypto.randomUUID()}`, productId: 123, productName: "Steam", quantity: 2, faceValue: usd("10"), walletId: 1, quotedCharge: quote.totalPayable });
    if (order.status === "pending") {
      await expect(revealVoucherCodes(deps, merchant, order.id)).rejects.toMatchObject({ code: "CONFLICT" });
      await h.advance({ minutes: 2 });
      await recordProviderOrder(deps, order, await h.client.getVoucherOrder(order.providerOrderId ?? 0), { source: "provider_poll", kind: "polled" });
    }
    const codes = await revealVoucherCodes(deps, merchant, order.id);
    expect(codes).toHaveLength(2);
    expect(codes[0]?.cardNumber ?? codes[0]?.pinCode).toBeTruthy();
    await revealVoucherCodes(deps, merchant, order.id);
    const audits = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, "order.voucher_code_revealed"), eq(auditLog.targetId, order.id)));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => a.after))).not.toContain(String(codes[0]?.pinCode ?? codes[0]?.cardNumber));
    const [stored] = await h.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(JSON.stringify(stored?.details)).not.toContain(String(codes[0]?.cardNumber));
  });

  it("refuses an id that is not a voucher order", async () => {
    await expect(revealVoucherCodes(deps, merchant, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
