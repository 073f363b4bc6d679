import { useMerchantOrderHarness } from "@/lib/domain/orders/testing/merchant-order-harness";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { orders } from "@/drizzle/schema/orders";
import { parseCsv } from "@/lib/platform/csv/csv";
import { usd } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { databaseText, tablesContaining } from "@/lib/tooling/testing/database-text";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { placeOrder, recordProviderOrder } from "./place-order";
import { exportVoucherCodes, revealVoucherCodes, voucherCodeCsvColumns } from "./voucher-codes";

describe(`revealing and exporting voucher codes [${testDatabaseKind}]`, () => {
  const world = useMerchantOrderHarness();

  async function deliveredVoucherOrder(quantity: number) {
    const quote = await world.h.client.quoteVoucher(123, { denomination: usd("10"), quantity, walletId: 1 });
    const { order } = await placeOrder(world.deps, world.merchant, {
      vertical: "voucher",
      clientReference: `ORD-${crypto.randomUUID()}`,
      productId: 123,
      productName: "Steam",
      quantity,
      faceValue: usd("10"),
      walletId: 1,
      quotedCharge: quote.totalPayable,
    });
    if (order.status === "pending") {
      await expect(revealVoucherCodes(world.deps, world.merchant, order.id)).rejects.toMatchObject({
        code: "CONFLICT",
      });
      await world.h.advance({ minutes: 2 });
      await recordProviderOrder(world.deps, order, await world.h.client.getVoucherOrder(order.providerOrderId ?? 0), {
        source: "provider_poll",
        kind: "polled",
      });
    }
    return order;
  }

  const auditsOf = (action: string, orderId: string) =>
    world.h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, orderId)))
      .orderBy(asc(auditLog.id));

  it("fetches the codes from the provider, one or all, with how to redeem them, and audits every reveal without the codes", async () => {
    const order = await deliveredVoucherOrder(2);
    const { codes, redemption } = await revealVoucherCodes(world.deps, world.merchant, order.id);
    expect(codes.map((c) => c.number)).toEqual([1, 2]);
    expect(codes[0]?.cardNumber ?? codes[0]?.pinCode).toBeTruthy();
    expect(redemption.length).toBeGreaterThan(0);
    expect(redemption.join(" ")).toMatch(/valid for/);

    const second = await revealVoucherCodes(world.deps, world.merchant, order.id, 2);
    expect(second.codes).toEqual([codes[1]]);
    await expect(revealVoucherCodes(world.deps, world.merchant, order.id, 3)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const audits = await auditsOf("order.voucher_code_revealed", order.id);
    expect(audits.map((a) => a.after)).toEqual([
      expect.objectContaining({ codeCount: 2, codeNumbers: [1, 2] }),
      expect.objectContaining({ codeCount: 1, codeNumbers: [2] }),
    ]);
    expect(audits.every((a) => a.actorUserId === world.merchant.userId)).toBe(true);
    const secrets = codes.flatMap((c) => [c.cardNumber, c.claimUrl]).filter((s): s is string => Boolean(s));
    const text = await databaseText(world.h.database.db);
    for (const secret of secrets) expect(tablesContaining(text, secret)).toEqual([]);
    const [stored] = await world.h.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(JSON.stringify(stored?.details)).not.toContain(String(codes[0]?.pinCode));
  });

  it("exports every code as CSV, audited with the count only, and stores none of them", async () => {
    const order = await deliveredVoucherOrder(3);
    const { csv, codeCount } = await exportVoucherCodes(world.deps, world.merchant, order.id);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...voucherCodeCsvColumns]);
    expect(rows).toHaveLength(3);
    expect(codeCount).toBe(3);
    const { codes } = await revealVoucherCodes(world.deps, world.merchant, order.id);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(
      codes.map((c) => [String(c.number), c.cardNumber ?? "", c.pinCode ?? ""]),
    );
    const [audit] = await auditsOf("order.voucher_codes_exported", order.id);
    expect(audit?.after).toEqual({ providerOrderId: order.providerOrderId, codeCount: 3 });
    const text = await databaseText(world.h.database.db);
    for (const code of codes) expect(tablesContaining(text, code.cardNumber ?? "none")).toEqual([]);
  });

  it("only the person who placed the order and admins may reveal or export; every refusal is audited", async () => {
    const order = await deliveredVoucherOrder(1);
    const db = world.h.database.db;
    const [otherMerchant, admin, finance, ops] = await Promise.all(
      (["merchant", "admin", "finance", "ops"] as const).map(async (role) => actorOf(await makeUser(db, role))),
    );
    for (const actor of [otherMerchant!, finance!, ops!]) {
      await expect(revealVoucherCodes(world.deps, actor, order.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(revealVoucherCodes(world.deps, actor, order.id, 1)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportVoucherCodes(world.deps, actor, order.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const refusals = await auditsOf("order.secret_reveal_refused", order.id);
    expect(refusals.map((r) => r.actorUserId).sort()).toEqual(
      [otherMerchant, otherMerchant, otherMerchant, finance, finance, finance, ops, ops, ops]
        .map((a) => a!.userId)
        .sort(),
    );
    expect(await auditsOf("order.voucher_code_revealed", order.id)).toHaveLength(0);

    expect((await revealVoucherCodes(world.deps, admin!, order.id)).codes).toHaveLength(1);
    expect((await exportVoucherCodes(world.deps, admin!, order.id)).codeCount).toBe(1);
  });

  it("refuses an id that is not a voucher order", async () => {
    await expect(revealVoucherCodes(world.deps, world.merchant, crypto.randomUUID())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
