import type { NextAuthOptions } from "next-auth";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { getDb } from "@/lib/platform/db/client";
import { authSecret, env, exportNextAuthUrl } from "@/lib/platform/env";
import { revokeSession } from "./sessions";

let options: NextAuthOptions | undefined;

/**
 * next-auth only carries a session id in its (encrypted, HttpOnly, SameSite=Lax) JWT cookie.
 * Everything that decides whether the session is still valid lives in auth_sessions.
 */
export function getAuthOptions(): NextAuthOptions {
  if (options) return options;
  exportNextAuthUrl();
  options = {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: env.SESSION_ABSOLUTE_HOURS * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // No provider: the one way to sign in is the sign-in form's server action
    // (lib/app/actions/auth/sign-in.ts), which throttles, then issues this same cookie itself.
    providers: [],
    callbacks: {
      jwt({ token }) {
        return token;
      },
      session({ session, token }) {
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = token?.sid;
        if (!sid) return;
        const db = getDb();
        await db.transaction(async (tx) => {
          const revoked = await revokeSession(tx, sid, "signed_out", new Date());
          if (revoked) {
            await recordAudit(
              tx,
              { userId: token.sub ?? null, email: token.email ?? null, role: null, ip: null, userAgent: null },
              { action: "auth.sign_out", targetType: "session", targetId: sid },
            );
          }
        });
      },
    },
  };
  return options;
}
