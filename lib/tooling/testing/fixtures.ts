import type { AuditActor } from "@/lib/domain/audit/record-audit";
import type { Role } from "@/lib/domain/auth/permissions";
import type { Database } from "@/lib/platform/db/types";
import { createUser, type UserSummary } from "@/lib/domain/users/manage-users";

export const testPassword = "correct horse battery staple";

export const testActor: AuditActor = {
  userId: null,
  email: "system:test",
  role: null,
  ip: "127.0.0.1",
  userAgent: "vitest",
};

let counter = 0;

export async function makeUser(
  db: Database,
  role: Role,
  overrides: Partial<{ email: string }> = {},
): Promise<UserSummary> {
  counter += 1;
  return createUser(db, testActor, {
    email: overrides.email ?? `${role}-${counter}-${Date.now()}@example.test`,
    name: `Test ${role} ${counter}`,
    role,
    password: testPassword,
  });
}

export const actorOf = (user: UserSummary): AuditActor => ({
  userId: user.id,
  email: user.email,
  role: user.role,
  ip: "127.0.0.1",
  userAgent: "vitest",
});
