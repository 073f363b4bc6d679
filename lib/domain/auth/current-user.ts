import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { clientAddressFrom } from "./client-address";
import { getAuthOptions } from "./options";
import { can, type Permission } from "./permissions";
import { sessionPolicy } from "./session-policy";
import { checkSession, type SessionCheck, type SessionUser } from "./sessions";
import { log } from "@/lib/platform/log/logger";

/** This request's session, re-validated against the database (once per request), full or pending. */
const getSessionCheck = cache(async (): Promise<SessionCheck | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.sid) return null;
  return checkSession(getDb(), session.sid, sessionPolicy(), new Date());
});

/**
 * The signed-in user for this request: full sessions only. A password-only session of a user
 * who has (or must have) a second factor is nobody here, so every guard refuses it.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const check = await getSessionCheck();
  return check?.ok && check.stage === "full" ? check.user : null;
});

export interface PendingSignIn {
  user: SessionUser;
  needs: "verify" | "enrol";
}

/** For the sign-in steps (verify, enrol) only: the password-verified session still waiting for its second factor. */
export const getPendingSignIn = cache(async (): Promise<PendingSignIn | null> => {
  const check = await getSessionCheck();
  return check?.ok && check.stage === "pending" ? { user: check.user, needs: check.needs } : null;
});

/**
 * The session a passkey is being verified for: a full one (a step-up) or a pending one whose
 * user already has a factor (the sign-in step). A session that must first enrol is neither.
 */
export const getSessionForSecondFactor = cache(async (): Promise<SessionUser | null> => {
  const check = await getSessionCheck();
  if (!check?.ok) return null;
  return check.stage === "full" || check.needs === "verify" ? check.user : null;
});

export const getRequestMeta = cache(async () => {
  const h = await headers();
  return { ip: clientAddressFrom((name) => h.get(name)), userAgent: h.get("user-agent") };
});

export async function auditActorFor(user: SessionUser): Promise<AuditActor> {
  const meta = await getRequestMeta();
  return { userId: user.id, email: user.email, role: user.role, ...meta };
}

/** For server actions and route handlers: throws AppError, which they turn into 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return user;
}

/**
 * Every refusal of a signed-in user is written to the audit log (ASVS 16.3.2): who, from where,
 * and which permission, so probing by an insider shows up. Failing to write it never turns the
 * refusal into something else.
 */
async function recordDenial(user: SessionUser, permission: Permission, where: string): Promise<void> {
  try {
    await recordAudit(getDb(), await auditActorFor(user), {
      action: "authz.denied",
      targetType: "permission",
      targetId: permission,
      after: { where },
    });
  } catch (error) {
    log.error({ permission, err: error }, "could not record an authorization denial");
  }
}

/** For server actions and route handlers: throws AppError, which they turn into 401/403. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) {
    await recordDenial(user, permission, "action or route handler");
    throw new AppError("FORBIDDEN", `Your role (${user.role}) does not have the ${permission} permission.`);
  }
  return user;
}

/** For pages and layouts: redirects to sign-in, or renders the 403 page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function requirePagePermission(permission: Permission): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!can(user.role, permission)) {
    await recordDenial(user, permission, "page");
    forbidden();
  }
  return user;
}
