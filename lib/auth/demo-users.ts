import type { Role } from "./permissions";

/** Seeded in sandbox mode only, and listed in the README. Never created in live mode. */
export const demoPassword = "sandbox-demo-password";

export const demoUsers: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin" },
  { email: "finance@demo.test", name: "Fiona Finance", role: "finance" },
  { email: "finance2@demo.test", name: "Felix Finance", role: "finance" },
  { email: "ops@demo.test", name: "Omar Ops", role: "ops" },
  { email: "merchant@demo.test", name: "Mei Merchant", role: "merchant" },
];
