import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import type { AuditActor } from "@/lib/audit/record-audit";
import { startHarness, usd, type Harness } from "@/lib/providers/octopus-cards/test-harness";
import { databaseText, tablesContaining } from "@/lib/testing/database-text";
import { actorOf, makeUser } from "@/lib/testing/fixtures";
import { testDatabaseKind } from "@/lib/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/wallet/ensure-wallets";
import { esimSummaryOf, revealEsimActivation } from "./esim-activation";
import { placeOrder, type OrderDeps } from "./place-order";

describe(`revealing an eSIM activation code [${testDatabaseKind}]`, () => {
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

  it("fetches the LPA string from the provider, draws its QR, audits every reveal without the code, and stores it nowhere", async () => {
    const quote = await h.client.quoteEsim({ productId: 712, amount: usd("4.5") });
    const { order } = await placeOrder(deps, merchant, { vertical: "esim", clientReference: `ESIM-${crypto.randomUUID()}`, productId: 712, productName: "Japan eSIM", quantity: 1, faceValue: usd("4.5"), walletId: 1, quotedCharge: quote.totalPayable });
    const first = await revealEsimActivation(deps, merchant, order.id);
    expect(first.activationCode).toMatch(/^LPA:1\$/);
    expect(first.qrSvg).toContain("<svg");
    expect(first.activationCode).toBe((await h.client.getEsimOrder(order.providerOrderId ?? 0)).activationCode);
    await revealEsimActivation(deps, merchant, order.id);

    const audits = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, "order.esim_activation_revealed"), eq(auditLog.targetId, order.id)));
    expect(audits).toHaveLength(2);
    expect(audits[0]?.actorUserId).toBe(merchant.userId);
    expect(tablesContaining(await databaseText(h.database.db), first.activationCode)).toEqual([]);
  });

  it("the page's summary of an eSIM carries no activation code", async () => {
    const esim = await h.client.createEsimOrder({ productId: 712, amount: usd("4.5"), clientReference: `ESIM-${crypto.randomUUID()}` });
    const summary = esimSummaryOf(esim);
    expect(summary.hasActivationCode).toBe(true);
    expect(summary).not.toHaveProperty("activationCode");
    expect(Object.values(summary)).not.toContain(esim.activationCode);
  });

  it("refuses an id that is not an eSIM order", async () => {
    await expect(revealEsimActivation(deps, merchant, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
