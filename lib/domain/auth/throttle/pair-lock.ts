import { and, desc, eq, gt } from "drizzle-orm";
import { signInAttempts } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { ThrottlePolicy } from "../session-policy";

/**
 * Until when the pair (account, address) is locked: its `maxFailuresPerAccount` latest attempts in
 * the window are all failures or unsettled claims (none after a success of the pair).
 */
export async function pairLockedUntil(
  db: DbOrTx,
  key: { email: string; ip: string },
  policy: ThrottlePolicy,
  now: Date,
): Promise<Date | null> {
  const max = policy.maxFailuresPerAccount;
  const recent = await db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, key.email),
        eq(signInAttempts.ip, key.ip),
        gt(signInAttempts.at, new Date(now.getTime() - policy.lockMs)),
      ),
    )
    .orderBy(desc(signInAttempts.at), desc(signInAttempts.id))
    .limit(max);
  const failures: Date[] = [];
  for (const attempt of recent) {
    if (attempt.succeeded === true) break;
    failures.push(attempt.at);
  }
  if (failures.length < max) return null;
  return new Date((failures[max - 1] as Date).getTime() + policy.lockMs);
}
