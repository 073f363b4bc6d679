import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { getAuthOptions } from "@/lib/domain/auth/options";
import { sessionCookieFor, sessionTokenFor } from "@/lib/domain/auth/session-token";
import { rotateSession, type SessionUser } from "@/lib/domain/auth/sessions";
import type { DbOrTx } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { appUrl, authSecret, env } from "@/lib/platform/env";

const maxAgeSeconds = () => env.SESSION_ABSOLUTE_HOURS * 3600;

/** Sets next-auth's session cookie for a session the sign-in action has just started. */
export async function issueSessionCookie(
  user: Pick<SessionUser, "id" | "email" | "name" | "sessionId">,
): Promise<void> {
  const cookie = sessionCookieFor(appUrl, maxAgeSeconds());
  (await cookies()).set(cookie.name, await sessionTokenFor(user, authSecret(), maxAgeSeconds()), cookie.options);
}

/**
 * After the second factor at sign-in: the browser goes on in a new session (rotateSession) and
 * its cookie is replaced; the password-only session it had is over.
 */
export async function continueInNewSession(
  db: DbOrTx,
  user: Pick<SessionUser, "id" | "email" | "name" | "sessionId">,
  now: Date,
): Promise<void> {
  const sessionId = await rotateSession(db, user.sessionId, now);
  if (!sessionId) throw new AppError("UNAUTHENTICATED", "This sign-in has ended. Sign in again.");
  await issueSessionCookie({ ...user, sessionId });
}

/** The session id this browser already carries (signed in, pending or stale), if any. */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions()).catch(() => null);
  return session?.sid ?? null;
}
