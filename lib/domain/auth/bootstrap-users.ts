import { count } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { systemActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { createUser } from "@/lib/domain/users/manage-users";
import { normalizeEmail } from "@/lib/app/validation/users";
import { demoPassword, demoUsers } from "./demo-users";
import { storeConfirmedTotp } from "./mfa/totp";

export type BootstrapOutcome = "existing-users" | "seeded-demo-users" | "created-first-admin" | "no-users";

/**
 * Runs at start on an empty user table only. Sandbox: one demo user per role. Live: no default
 * password exists; the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD or `npm run user:create`.
 */
export async function bootstrapUsers(
  db: Database,
  options: { mode: "sandbox" | "live"; adminEmail?: string; adminPassword?: string },
): Promise<BootstrapOutcome> {
  const [row] = await db.select({ n: count() }).from(users);
  if (row && row.n > 0) return "existing-users";
  const actor = systemActor("system:bootstrap");
  if (options.mode === "sandbox") {
    for (const { totpSecret, ...user } of demoUsers) {
      // The published demo password is weak on purpose; demo users sign in only where the
      // start-up policy allows (lib/domain/users/demo-user-access.ts).
      const created = await createUser(
        db,
        actor,
        { ...user, password: demoPassword },
        { passwordStrength: "unchecked" },
      );
      await storeConfirmedTotp(db, created.id, totpSecret, new Date());
    }
    return "seeded-demo-users";
  }
  if (options.adminEmail && options.adminPassword) {
    try {
      await createUser(db, actor, {
        email: normalizeEmail(options.adminEmail),
        name: "Administrator",
        role: "admin",
        password: options.adminPassword,
      });
    } catch (error) {
      const rule = error instanceof AppError ? error.options.fieldErrors?.password?.[0] : undefined;
      if (rule) throw new Error(`ADMIN_PASSWORD ${rule}`, { cause: error });
      throw error;
    }
    return "created-first-admin";
  }
  return "no-users";
}
