import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db/client";
import { authSecret, env, exportNextAuthUrl } from "@/lib/env";
import { signInSchema } from "@/lib/validation/users";
import { clientAddressFrom } from "./client-address";
import { throttlePolicy } from "./session-policy";
import { revokeSession } from "./sessions";
import { signIn, signInErrorMessage } from "./sign-in";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function headerFrom(headers: HeaderBag) {
  return (name: string) => {
    const value = headers?.[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

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
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error("Enter your email address and password.");
          const header = headerFrom(req?.headers as HeaderBag);
          const result = await signIn(
            getDb(),
            { ...parsed.data, ip: clientAddressFrom(header), userAgent: header("user-agent") ?? null },
            throttlePolicy(),
          );
          if (!result.ok) throw new Error(signInErrorMessage(result));
          return { id: result.user.id, email: result.user.email, name: result.user.name, sid: result.user.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = user.sid;
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
