import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { getAuthOptions } from "@/lib/auth/options";
import { sessionCookieFor, sessionTokenFor } from "@/lib/auth/session-token";
import type { SessionUser } from "@/lib/auth/sessions";
import { appUrl, authSecret, env } from "@/lib/env";

const maxAgeSeconds = () => env.SESSION_ABSOLUTE_HOURS * 3600;

/** Sets next-auth's session cookie for a session the sign-in action has just started. */
export async function issueSessionCookie(user: Pick<SessionUser, "id" | "email" | "name" | "sessionId">): Promise<void> {
  const cookie = sessionCookieFor(appUrl, maxAgeSeconds());
  (await cookies()).set(cookie.name, await sessionTokenFor(user, authSecret(), maxAgeSeconds()), cookie.options);
}

/** The session id this browser already carries (signed in, pending or stale), if any. */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions()).catch(() => null);
  return session?.sid ?? null;
}
