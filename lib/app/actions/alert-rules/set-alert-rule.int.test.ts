import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { alertRuleSettings, alertRuleTeams } from "@/drizzle/schema/alert-rules";
import { auditLog, authSessions, users } from "@/drizzle/schema";
import type { Role } from "@/lib/domain/auth/permissions";
import { startSession } from "@/lib/domain/auth/sessions";
import { loadAlertRuleSettings } from "@/lib/domain/alerts/rules/alert-rule-settings";
import { setAppDatabaseForTests } from "@/lib/platform/db/client";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { tableChecksums } from "@/lib/tooling/testing/table-checksums";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest" }) }));
// Only the cookie is stood in for: the session id it would carry. The session, role, permission
// and step-up checks are the real ones, on the test database.
const cookie = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/domain/auth/options", () => ({ getAuthOptions: () => ({}) }));
vi.mock("next-auth", () => ({ getServerSession: async () => (cookie.sid ? { sid: cookie.sid } : null) }));

const { setAlertRuleAction } = await import("./set-alert-rule");

describe(`the Alerts card's action: admins only, validated, audited [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  const sessions = {} as Record<Role | "staleAdmin", string>;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    setAppDatabaseForTests(t);
    for (const role of ["admin", "finance", "ops", "merchant"] as const) {
      const user = await makeUser(t.db, role);
      if (role === "admin") adminId = user.id;
      const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
      const now = new Date();
      sessions[role] = await startSession(t.db, row!, { ip: null, userAgent: "vitest" }, now);
      await t.db.update(authSessions).set({ secondFactorAt: now }).where(eq(authSessions.id, sessions[role]));
    }
    const [admin] = await t.db.select().from(users).where(eq(users.id, adminId));
    sessions.staleAdmin = await startSession(t.db, admin!, { ip: null, userAgent: "vitest" }, new Date());
    await t.db
      .update(authSessions)
      .set({ secondFactorAt: new Date(Date.now() - 60 * 60_000) })
      .where(eq(authSessions.id, sessions.staleAdmin));
  }, 120_000);
  afterAll(async () => t?.dispose());

  const as = (who: Role | "staleAdmin", input: Record<string, string>) => {
    cookie.sid = sessions[who];
    return setAlertRuleAction(null, input);
  };
  const settingsOf = async (rule: string) => (await loadAlertRuleSettings(t.db))(rule);

  it("saves the teams, the threshold and the delivery, and audits who changed what from what", async () => {
    const result = await as("admin", {
      rule: "approval_waiting",
      team_finance: "on",
      threshold: " 2 ",
      delivery: "hourly",
    });
    expect(result).toEqual({
      ok: true,
      data: { rule: "approval_waiting", teams: ["finance"], threshold: 2, delivery: "hourly" },
      message:
        "“A refund has waited for approval too long” is on for Finance, threshold 2 hours, email and webhooks in an hourly digest.",
    });
    expect(await settingsOf("approval_waiting")).toEqual({ teams: ["finance"], threshold: 2, delivery: "hourly" });
    expect(await t.db.select().from(alertRuleTeams).where(eq(alertRuleTeams.rule, "approval_waiting"))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ team: "admin", enabled: false, updatedBy: adminId }),
        expect.objectContaining({ team: "finance", enabled: true, updatedBy: adminId }),
      ]),
    );
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "alert_rule.set"), eq(auditLog.targetId, "approval_waiting")));
    expect(audit).toMatchObject({
      actorUserId: adminId,
      actorRole: "admin",
      targetType: "alert_rule",
      before: { teams: ["admin", "finance"], threshold: 4, delivery: "immediate" },
      after: { teams: ["finance"], threshold: 2, delivery: "hourly" },
    });
  });

  it("switches a rule off for every team, and a rule without a threshold keeps none", async () => {
    const result = await as("admin", { rule: "reconciliation_drift", delivery: "daily" });
    expect(result).toMatchObject({
      ok: true,
      message:
        "“A payment sync found our ledger disagreeing with its provider” is off for every team, email and webhooks in a daily digest.",
    });
    expect(await settingsOf("reconciliation_drift")).toEqual({ teams: [], threshold: null, delivery: "daily" });
  });

  it("refuses a threshold out of its rule's range, naming the field and the rule, and changes nothing", async () => {
    const before = await tableChecksums(t.db);
    for (const threshold of ["0", "169", "4.5", "four", ""])
      expect(
        await as("admin", { rule: "approval_waiting", team_admin: "on", threshold, delivery: "immediate" }),
        threshold,
      ).toMatchObject({
        ok: false,
        code: "VALIDATION_FAILED",
        fieldErrors: { threshold: [expect.any(String)] },
      });
    expect(
      await as("admin", { rule: "webhook_signature_failures", team_ops: "on", threshold: "0", delivery: "immediate" }),
    ).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message:
        "Check the form: Threshold of “Webhooks with a bad signature in 10 minutes” must be a whole number of refused webhooks from 1 to 100,000.",
      fieldErrors: {
        threshold: [
          "of “Webhooks with a bad signature in 10 minutes” must be a whole number of refused webhooks from 1 to 100,000",
        ],
      },
    });
    // A team that may not open what the rule is about cannot be switched on for it.
    expect(
      await as("admin", { rule: "wallet_low", team_ops: "on", threshold: "7", delivery: "immediate" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        team_ops: [
          "cannot be on for “A wallet is below its low-balance threshold or about to run dry”: Ops may not open what it is about",
        ],
      },
    });
    expect(await as("admin", { rule: "no_such_rule", delivery: "immediate" })).toMatchObject({
      ok: false,
      fieldErrors: { rule: ["must be one of the alert rules"] },
    });
    expect(await tableChecksums(t.db)).toEqual(before);
  });

  it("refuses every other role (the refusal audited) and a stale second factor, and changes nothing", async () => {
    const input = { rule: "wallet_low", team_merchant: "on", threshold: "30", delivery: "immediate" };
    for (const role of ["finance", "ops", "merchant"] as const)
      expect(await as(role, input)).toEqual({
        ok: false,
        code: "FORBIDDEN",
        message: `Your role (${role}) does not have the settings:manage permission.`,
      });
    const denials = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "authz.denied"), eq(auditLog.targetId, "settings:manage")));
    expect(denials.map((d) => d.actorRole).sort()).toEqual(["finance", "merchant", "ops"]);
    expect(await as("staleAdmin", input)).toMatchObject({ ok: false, code: "STEP_UP_REQUIRED" });
    expect(await t.db.select().from(alertRuleSettings).where(eq(alertRuleSettings.rule, "wallet_low"))).toEqual([]);
    expect(await settingsOf("wallet_low")).toEqual({
      teams: ["admin", "finance", "merchant"],
      threshold: 7,
      delivery: "immediate",
    });
  });
});
