import { and, desc, eq, gte, ilike, like, lt, type SQL } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import type { Database } from "@/lib/platform/db/types";
import type { AuditFilters } from "@/lib/app/validation/audit";

export const auditPageSize = 50;

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * Newest first, keyset-paginated on the identity id (insertion order, unique, and exact where a
 * timestamp cursor would lose microseconds): page N costs the same as page 1. Dates are UTC.
 */
export async function listAudit(
  db: Database,
  filters: AuditFilters,
): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(like(auditLog.action, `${escapeLike(filters.action.toLowerCase())}%`));
  if (filters.actor) conditions.push(ilike(auditLog.actorEmail, `%${escapeLike(filters.actor)}%`));
  if (filters.target) conditions.push(eq(auditLog.targetId, filters.target));
  if (filters.from) conditions.push(gte(auditLog.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(auditLog.at, nextDay(filters.to)));
  if (filters.cursor) conditions.push(lt(auditLog.id, BigInt(filters.cursor)));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(auditPageSize + 1);
  const page = rows.slice(0, auditPageSize).map((row) => ({
    id: row.id.toString(),
    at: row.at,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: row.before,
    after: row.after,
    ip: row.ip,
    userAgent: row.userAgent,
  }));
  const last = page[page.length - 1];
  const nextCursor = rows.length > auditPageSize && last ? last.id : null;
  return { rows: page, nextCursor };
}
