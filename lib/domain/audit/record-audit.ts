import { auditLog } from "@/drizzle/schema";
import type { Role } from "@/lib/domain/auth/permissions";
import type { DbOrTx } from "@/lib/platform/db/types";

/** Who did it and from where. `system` actors (start-up, CLI) have no user id. */
export interface AuditActor {
  userId: string | null;
  email: string | null;
  role: Role | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export const systemActor = (label: string): AuditActor => ({
  userId: null,
  email: label,
  role: null,
  ip: null,
  userAgent: null,
});

/** Call with the transaction of the state change, so the change and its audit row commit together. */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorEmail: actor.email,
    actorRole: actor.role,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip,
    userAgent: actor.userAgent?.slice(0, 512) ?? null,
  });
}
