import { describe, expect, it } from "vitest";
import { roles } from "@/drizzle/schema/auth";
import { homePathFor, navItems, navItemsFor } from "@/lib/domain/auth/navigation";
import { can, permissions, permissionsOf } from "./permissions";

describe("role → permission table", () => {
  it("grants admins everything", () => {
    expect(permissionsOf("admin")).toEqual(permissions);
  });

  it("lets only finance and admins move money or approve refunds", () => {
    for (const permission of ["refunds:create", "refunds:approve", "payments:create"] as const) {
      expect(roles.filter((role) => can(role, permission))).toEqual(["admin", "finance"]);
    }
  });

  it("lets ops watch and sync but never create or approve", () => {
    expect(permissionsOf("ops")).toEqual([
      "overview:read",
      "payments:read",
      "payments:sync",
      "refunds:read",
      "refunds:sync",
      "orders:read",
      "webhooks:read",
    ]);
  });

  it("limits merchants to the wallet and their orders", () => {
    expect(permissionsOf("merchant")).toEqual(["overview:read", "orders:read", "orders:create", "wallet:read"]);
    expect(roles.filter((role) => can(role, "orders:create"))).toEqual(["admin", "merchant"]);
  });

  it("keeps user management and the audit log with admins only", () => {
    expect(roles.filter((role) => can(role, "users:manage"))).toEqual(["admin"]);
    expect(roles.filter((role) => can(role, "audit:read"))).toEqual(["admin"]);
  });
});

describe("navigation follows the same table", () => {
  it("shows each role only the pages it may open", () => {
    expect(navItemsFor("merchant").map((i) => i.label)).toEqual(["Overview", "Orders", "Wallet"]);
    expect(navItemsFor("ops").map((i) => i.label)).toEqual(["Overview", "Payments", "Refunds", "Orders", "Webhooks"]);
    expect(navItemsFor("admin", { sandbox: true })).toEqual(navItems);
    expect(navItemsFor("admin", { sandbox: false }).map((i) => i.label)).not.toContain("Sandbox");
    expect(navItemsFor("admin").map((i) => i.label)).toContain("Settings");
    expect(navItemsFor("finance").map((i) => i.label)).not.toContain("Settings");
  });

  it("lands each role on its first page", () => {
    expect(homePathFor("merchant")).toBe("/overview");
    expect(homePathFor("finance")).toBe("/overview");
  });
});
