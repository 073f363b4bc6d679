import { bigint, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { roleEnum, users } from "./auth";

/**
 * Append-only: a trigger (migration 0001) rejects UPDATE and DELETE. Rows are written in the
 * same transaction as the state change they describe.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamptz().notNull().defaultNow(),
    actorUserId: uuid().references(() => users.id),
    actorEmail: text(),
    actorRole: roleEnum(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_action_idx").on(t.action, t.id.desc()),
    index("audit_log_target_idx").on(t.targetId, t.id.desc()),
  ],
);
