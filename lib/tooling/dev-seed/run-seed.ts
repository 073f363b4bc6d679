import { and, eq, sql } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import { payments } from "@/drizzle/schema/payments";
import { recordAudit, systemActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import type { PaymentRequestDeps } from "@/lib/domain/payments/request/request-payment";
import { seedSandboxHistory, type SeedSummary } from "./seed-history";
import { planSeedHistory } from "./seed-plan";

const seedClaim = "sandbox.seed_history";

/**
 * Claims the one seeding of this database: only while the ledger has no payment, and only once
 * (the claim is an audit entry, written under a transaction-scoped advisory lock so two app
 * instances starting together cannot both claim it).
 */
async function claimSeeding(db: Database, count: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${seedClaim}))`);
    const [payment] = await tx.select({ id: payments.id }).from(payments).limit(1);
    if (payment) return false;
    const [claimed] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, seedClaim), eq(auditLog.targetType, "sandbox")))
      .limit(1);
    if (claimed) return false;
    await recordAudit(tx, systemActor("system:sandbox-seed"), {
      action: seedClaim,
      targetType: "sandbox",
      after: { count },
    });
    return true;
  });
}

/** Seeds a fresh sandbox database with a realistic history made through the simulators, once. */
export async function seedFreshSandbox(
  deps: PaymentRequestDeps,
  options: { count: number; days?: number; now?: Date },
): Promise<SeedSummary | "skipped"> {
  if (!(await claimSeeding(deps.db, options.count))) return "skipped";
  const plan = planSeedHistory({ count: options.count, days: options.days ?? 120, now: options.now ?? new Date() });
  return seedSandboxHistory(deps, plan);
}
