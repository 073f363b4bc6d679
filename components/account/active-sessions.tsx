import { Card } from "@/components/ui/card";
import { listLiveSessions } from "@/lib/domain/account/live-sessions";
import { describeUserAgent } from "@/lib/domain/account/user-agent";
import { sessionPolicy } from "@/lib/domain/auth/session-policy";
import type { SessionUser } from "@/lib/domain/auth/sessions";
import { getDb } from "@/lib/platform/db/client";
import { SessionList } from "./session-list";

/** ASVS 7.5.2: the user's live sessions (those the server would still accept), this one marked. */
export async function ActiveSessions({ user }: { user: SessionUser }) {
  const sessions = await listLiveSessions(getDb(), user.id, sessionPolicy(), new Date());
  return (
    <div id="active-sessions">
      <Card title="Active sessions" className="mt-6">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          Every browser signed in to your account now. Sign out any you do not recognise, then change your password.
          Times are UTC.
        </p>
        <SessionList
          sessions={sessions.map((session) => ({
            id: session.id,
            device: describeUserAgent(session.userAgent),
            ip: session.ip ?? "unknown address",
            createdAt: session.createdAt,
            lastSeenAt: session.lastSeenAt,
            isCurrent: session.id === user.sessionId,
          }))}
        />
      </Card>
    </div>
  );
}
