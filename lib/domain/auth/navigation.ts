import { can, type Permission, type Role } from "@/lib/domain/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  /** Shown only while the providers are the local sandboxes. */
  sandboxOnly?: boolean;
}

export const navItems: readonly NavItem[] = [
  { href: "/overview", label: "Overview", permission: "overview:read" },
  { href: "/payments", label: "Payments", permission: "payments:read" },
  { href: "/refunds", label: "Refunds", permission: "refunds:read" },
  { href: "/orders", label: "Orders", permission: "orders:read" },
  { href: "/wallet", label: "Wallet", permission: "wallet:read" },
  { href: "/webhooks", label: "Webhooks", permission: "webhooks:read" },
  { href: "/audit", label: "Audit", permission: "audit:read" },
  { href: "/users", label: "Users", permission: "users:manage" },
  { href: "/settings", label: "Settings", permission: "settings:manage" },
  { href: "/alerts", label: "Alerts", permission: "settings:manage" },
  { href: "/sandbox", label: "Sandbox", permission: "settings:manage", sandboxOnly: true },
];

export function navItemsFor(role: Role, options: { sandbox: boolean } = { sandbox: false }): NavItem[] {
  return navItems.filter((item) => can(role, item.permission) && (options.sandbox || !item.sandboxOnly));
}

/** Where a user lands after sign-in: the first page their role may open. */
export function homePathFor(role: Role): string {
  return navItemsFor(role)[0]?.href ?? "/account";
}
