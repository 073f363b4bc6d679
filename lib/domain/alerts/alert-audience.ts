import { roles } from "@/drizzle/schema/auth";
import { can, type Permission, type Role } from "@/lib/domain/auth/permissions";
import { alertRuleEntry } from "./rules/alert-rule-catalogue";

/** Who is told about an alert: every active user whose role may open what it is about. */
export function alertPermission(rule: string): Permission {
  const entry = alertRuleEntry(rule);
  // An outbox row from a newer instance during a rolling deploy: this one does not know whom to tell yet.
  if (!entry) throw new Error(`no audience is known for the alert rule "${rule}"`);
  return entry.permission;
}

export function rolesWith(permission: Permission): Role[] {
  return roles.filter((role) => can(role, permission));
}
