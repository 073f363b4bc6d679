import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, refundApprovalThresholds } from "@/drizzle/schema";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { approvalThresholdOf, defaultApprovalThresholdsMinor } from "./approval-thresholds";
import { setApprovalThresholdInput } from "./decision-input";
import { listApprovalThresholds, setApprovalThreshold } from "./set-approval-threshold";

describe(`approval thresholds [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  it("lists the defaults until an admin sets one, then upserts it in minor units with an audit row", async () => {
    const admin = actorOf(await makeUser(t.db, "admin"));
    expect((await listApprovalThresholds(t.db)).find((row) => row.currency === "HKD")).toEqual({
      currency: "HKD",
      amountMinor: 1_000_000n,
      isDefault: true,
      updatedAt: null,
    });

    await setApprovalThreshold(t.db, admin, setApprovalThresholdInput.parse({ currency: "HKD", amount: "50.5" }));
    expect(await approvalThresholdOf(t.db, "HKD")).toBe(5_050n);
    await setApprovalThreshold(t.db, admin, setApprovalThresholdInput.parse({ currency: "HKD", amount: "60" }));
    expect(await approvalThresholdOf(t.db, "HKD")).toBe(6_000n);
    expect(await t.db.select().from(refundApprovalThresholds)).toHaveLength(1);
    expect((await listApprovalThresholds(t.db)).find((row) => row.currency === "HKD")).toMatchObject({
      amountMinor: 6_000n,
      isDefault: false,
    });

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "refund_threshold.set"))
      .orderBy(auditLog.id);
    expect(audits.map((a) => [a.actorUserId, a.before, a.after])).toEqual([
      [admin.userId, { amountMinor: "1000000", isDefault: true }, { amountMinor: "5050" }],
      [admin.userId, { amountMinor: "5050", isDefault: false }, { amountMinor: "6000" }],
    ]);
  });

  it("reads a threshold typed with thousands separators", async () => {
    const admin = actorOf(await makeUser(t.db, "admin"));
    await setApprovalThreshold(t.db, admin, setApprovalThresholdInput.parse({ currency: "RUB", amount: "12,500.00" }));
    expect(await approvalThresholdOf(t.db, "RUB")).toBe(1_250_000n);
  });

  it("refuses more decimals than the currency has, and input that is not an amount, changing nothing", async () => {
    const admin = actorOf(await makeUser(t.db, "admin"));
    await expect(
      setApprovalThreshold(t.db, admin, setApprovalThresholdInput.parse({ currency: "USD", amount: "10.005" })),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fieldErrors: { amount: ["has more decimals than USD allows"] } },
    });
    expect(setApprovalThresholdInput.safeParse({ currency: "USD", amount: "-1" }).error?.issues[0]?.message).toBe(
      "must be a number such as 5000.00 or 1,500.00",
    );
    expect(setApprovalThresholdInput.safeParse({ currency: "USD", amount: "1,00.00" }).error?.issues[0]?.message).toBe(
      "must be a number such as 5000.00 or 1,500.00",
    );
    expect(setApprovalThresholdInput.safeParse({ currency: "XXX", amount: "1" }).error?.issues[0]?.message).toBe(
      "must be a supported currency",
    );
    expect(await approvalThresholdOf(t.db, "USD")).toBe(defaultApprovalThresholdsMinor.USD);
  });
});
