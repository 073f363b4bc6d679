import type { roles } from "@/drizzle/schema/auth";

export type Role = (typeof roles)[number];

export const permissions = [
  "overview:read",
  "payments:read",
  "payments:create",
  "payments:sync",
  "refunds:read",
  "refunds:create",
  "refunds:approve",
  "refunds:sync",
  "orders:read",
  "orders:create",
  "wallet:read",
  "webhooks:read",
  "audit:read",
  "users:manage",
  "settings:manage",
  "sandbox:control",
] as const;

export type Permission = (typeof permissions)[number];

/**
 * The single source of who may do what. The UI hides what a role cannot do by asking can();
 * every server action and route handler enforces the same table on the server.
 * ops watches money but never moves it; merchants only touch the wallet and orders.
 */
const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  finance: [
    "overview:read",
    "payments:read",
    "payments:create",
    "payments:sync",
    "refunds:read",
    "refunds:create",
    "refunds:approve",
    "refunds:sync",
    "orders:read",
    "wallet:read",
    "webhooks:read",
  ],
  ops: [
    "overview:read",
    "payments:read",
    "payments:sync",
    "refunds:read",
    "refunds:sync",
    "orders:read",
    "webhooks:read",
  ],
  merchant: ["overview:read", "orders:read", "orders:create", "wallet:read"],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  finance: "Finance",
  ops: "Ops",
  merchant: "Merchant",
};
