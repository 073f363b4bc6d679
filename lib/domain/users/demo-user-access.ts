import { and, desc, eq, inArray } from "drizzle-orm";
import { auditLog, users } from "@/drizzle/schema";
import { systemActor } from "@/lib/domain/audit/record-audit";
import { demoUsers } from "@/lib/domain/auth/demo-users";
import type { Database } from "@/lib/platform/db/types";
import { setUserDisabledBySystem } from "./manage-users";

/** The audit actor of this policy: only what it disabled, it may enable again. */
export const demoUserPolicyActor = "system:demo-users";

export type DemoUserAccessOutcome = { disabled: string[]; enabled: string[]; unchanged: string[] };

/**
 * The demo users' password is published in the README, so they may sign in only where nobody
 * else can reach the server (or when SANDBOX_DEMO_USERS=1 says so). Runs at every start:
 *  - not allowed: every enabled demo user is disabled (audited; their sessions are revoked);
 *  - allowed: a demo user is enabled again only if this policy disabled it last. One an admin
 *    disabled on purpose stays disabled.
 * Idempotent and safe on several instances (each change locks the user row).
 */
export async function applyDemoUserAccess(
  db: Database,
  options: { allowed: boolean; reason: string },
): Promise<DemoUserAccessOutcome> {
  const actor = systemActor(demoUserPolicyActor);
  const outcome: DemoUserAccessOutcome = { disabled: [], enabled: [], unchanged: [] };
  const rows = await db
    .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(
      inArray(
        users.email,
        demoUsers.map((u) => u.email),
      ),
    );
  for (const user of rows) {
    if (!options.allowed && user.disabledAt === null) {
      await setUserDisabledBySystem(db, actor, { userId: user.id, disabled: true, reason: options.reason });
      outcome.disabled.push(user.email);
    } else if (options.allowed && user.disabledAt !== null && (await lastDisabledByThisPolicy(db, user.id))) {
      await setUserDisabledBySystem(db, actor, { userId: user.id, disabled: false, reason: options.reason });
      outcome.enabled.push(user.email);
    } else {
      outcome.unchanged.push(user.email);
    }
  }
  return outcome;
}

async function lastDisabledByThisPolicy(db: Database, userId: string): Promise<boolean> {
  const [last] = await db
    .select({ action: auditLog.action, actorEmail: auditLog.actorEmail })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, userId), inArray(auditLog.action, ["user.disabled", "user.enabled"])))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return last?.action === "user.disabled" && last.actorEmail === demoUserPolicyActor;
}
