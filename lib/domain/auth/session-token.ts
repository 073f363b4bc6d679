import { encode } from "next-auth/jwt";
import type { SessionUser } from "./sessions";

/**
 * The session cookie exactly as next-auth v4 writes it after a credentials sign-in
 * (core/lib/cookie.ts defaultCookies, core/routes/callback.ts), so getServerSession reads it
 * everywhere: "__Secure-" prefixed and Secure when the app's URL is https, HttpOnly,
 * SameSite=Lax, path /, expiring with the session's absolute lifetime.
 */
export function sessionCookieFor(appUrl: string, maxAgeSeconds: number, now = new Date()) {
  const secure = appUrl.startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      secure,
      expires: new Date(now.getTime() + maxAgeSeconds * 1000),
    },
  };
}

/**
 * The encrypted JWT (next-auth's own encode: A256GCM, key from the secret) with the claims
 * next-auth puts there plus the session id; everything else about the session is in auth_sessions.
 */
export function sessionTokenFor(
  user: Pick<SessionUser, "id" | "email" | "name" | "sessionId">,
  secret: string,
  maxAgeSeconds: number,
): Promise<string> {
  return encode({
    token: { name: user.name, email: user.email, sub: user.id, sid: user.sessionId },
    secret,
    maxAge: maxAgeSeconds,
  });
}
