import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refundFollowUps, refunds } from "@/drizzle/schema/refunds";
import { can } from "@/lib/domain/auth/permissions";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { countActionNeeded } from "./count-action-needed";
import { recordRefundFollowUpInput } from "./follow-up-input";
import { isActionNeeded, loadFollowUps } from "./load-follow-ups";
import { recordRefundFollowUp } from "./record-follow-up";

describe(`refund follow-ups [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  }, 180_000);
  afterAll(async () => t?.dispose());

  async function refundWith(status: (typeof refunds.$inferInsert)["status"]) {
    const finance = await makeUser(t.db, "finance");
    const [payment] = await t.db
      .insert(payments)
      .values({
        provider: "checkout",
        flow: "checkout_api",
        status: "captured",
        reference: `FU-${crypto.randomUUID()}`,
        amountMinor: 100_000n,
        capturedMinor: 100_000n,
        currency: "HKD",
      })
      .returning();
    const [refund] = await t.db
      .insert(refunds)
      .values({
        paymentId: payment!.id,
        provider: "checkout",
        status,
        amountMinor: 1_000n,
        currency: "HKD",
        reason: "customer_request",
        idempotencyKey: crypto.randomUUID(),
        requestedBy: finance.id,
      })
      .returning();
    return refund!;
  }
  const input = (refundId: string, extra: Record<string, unknown> = {}) =>
    recordRefundFollowUpInput.parse({
      refundId,
      note: "Customer's card was closed",
      task: "Refund by bank transfer",
      state: "open",
      ...extra,
    });

  it("finance and admins may record follow-ups; ops may only see them", () => {
    expect([
      can("finance", "refunds:create"),
      can("admin", "refunds:create"),
      can("ops", "refunds:create"),
      can("ops", "refunds:read"),
    ]).toEqual([true, true, false, true]);
  });

  it("a declined refund needs action until a follow-up is recorded done; each record is an event with actor and time, and audited", async () => {
    const refund = await refundWith("declined");
    const finance = actorOf(await makeUser(t.db, "finance"));
    const colleague = await makeUser(t.db, "ops");
    const before = (await countActionNeeded(t.db, 1000)).count;
    expect(isActionNeeded("declined", [])).toBe(true);

    const openedAt = new Date("2026-03-01T10:00:00Z");
    await recordRefundFollowUp(
      t.db,
      finance,
      input(refund.id, { assigneeEmail: colleague.email.toUpperCase() }),
      openedAt,
    );
    let followUps = (await loadFollowUps(t.db, [refund.id])).get(refund.id)!;
    expect(followUps).toEqual([
      expect.objectContaining({
        task: "Refund by bank transfer",
        state: "open",
        assigneeEmail: colleague.email,
        actorEmail: finance.email,
        at: openedAt.toISOString(),
      }),
    ]);
    expect(isActionNeeded("declined", followUps)).toBe(true);
    expect((await countActionNeeded(t.db, 1000)).count).toBe(before);

    await recordRefundFollowUp(
      t.db,
      finance,
      input(refund.id, { state: "done", note: "Paid HK$10.00 by FPS, ref 8812" }),
      new Date("2026-03-02T10:00:00Z"),
    );
    followUps = (await loadFollowUps(t.db, [refund.id])).get(refund.id)!;
    expect(followUps.map((f) => f.state)).toEqual(["open", "done"]);
    expect(isActionNeeded("declined", followUps)).toBe(false);
    expect((await countActionNeeded(t.db, 1000)).count).toBe(before - 1);

    const events = await t.db
      .select()
      .from(refundEvents)
      .where(eq(refundEvents.refundId, refund.id))
      .orderBy(refundEvents.id);
    expect(events.map((e) => [e.source, e.kind, e.actorUserId, e.fromStatus, e.toStatus])).toEqual([
      ["staff", "follow_up_opened", finance.userId, "declined", "declined"],
      ["staff", "follow_up_done", finance.userId, "declined", "declined"],
    ]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, refund.id), eq(auditLog.action, "refund.follow_up_recorded")))
      .orderBy(auditLog.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.after).toMatchObject({ state: "done", note: "Paid HK$10.00 by FPS, ref 8812" });
  });

  it("follow-ups are history: never edited or deleted", async () => {
    const refund = await refundWith("expired");
    await recordRefundFollowUp(t.db, actorOf(await makeUser(t.db, "admin")), input(refund.id), new Date());
    await expect(
      t.db.update(refundFollowUps).set({ state: "done" }).where(eq(refundFollowUps.refundId, refund.id)),
    ).rejects.toThrow();
    await expect(t.db.delete(refundFollowUps).where(eq(refundFollowUps.refundId, refund.id))).rejects.toThrow();
    await expect(t.db.execute(sql`truncate refund_follow_ups`)).rejects.toThrow();
  });

  it("refuses a refund whose money reached the customer, an unknown assignee, and bad input, naming the field", async () => {
    const finance = actorOf(await makeUser(t.db, "finance"));
    const approved = await refundWith("approved");
    await expect(recordRefundFollowUp(t.db, finance, input(approved.id), new Date())).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("only a declined, expired or not collected refund"),
    });
    const notCollected = await refundWith("not_collected");
    await expect(
      recordRefundFollowUp(t.db, finance, input(notCollected.id, { assigneeEmail: "nobody@example.test" }), new Date()),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fieldErrors: { assigneeEmail: ["no active user has this email address"] } },
    });
    const parsed = recordRefundFollowUpInput.safeParse({
      refundId: notCollected.id,
      note: " ",
      task: "",
      assigneeEmail: "not an email",
      state: "maybe",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["note", "is required"],
      ["task", "is required"],
      ["assigneeEmail", "must be an email address"],
      ["state", "must be open or done"],
    ]);
    expect(await t.db.select().from(refundFollowUps).where(eq(refundFollowUps.refundId, notCollected.id))).toEqual([]);
  });
});
