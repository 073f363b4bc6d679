import { and, desc, eq, gt } from "drizzle-orm";
import { signInAttempts, users } from "@/drizzle/schema";
import type { Database } from "@/lib/platform/db/types";
import { normalizeEmail } from "@/lib/app/validation/users";
import { dummyPasswordHash, verifyPassword } from "../password";
import type { ThrottlePolicy } from "../session-policy";
import type { SignInDeps, SignInRequest } from "../sign-in";

/**
 * TEST ONLY: the planted defect. The sign-in throttling as it was before claims: check the lock,
 * verify the password, then record the failure, with nothing stopping concurrent attempts from
 * all passing the check. The concurrency tests must fail against it (so they are proven to bite).
 * Sessions are not started; `ok: true` is what the caller would have turned into one.
 */
export async function naiveSignIn(
  db: Database,
  request: SignInRequest,
  policy: ThrottlePolicy,
  now = new Date(),
  deps: SignInDeps = {},
): Promise<{ ok: true } | { ok: false; reason: "invalid" | "locked" }> {
  const email = normalizeEmail(request.email);
  const keys = [
    { match: eq(signInAttempts.email, email), max: policy.maxFailuresPerAccount },
    { match: eq(signInAttempts.ip, request.ip), max: policy.maxFailuresPerIp },
  ];
  for (const { match, max } of keys) {
    const recent = await db
      .select({ succeeded: signInAttempts.succeeded })
      .from(signInAttempts)
      .where(and(match, gt(signInAttempts.at, new Date(now.getTime() - policy.lockMs))))
      .orderBy(desc(signInAttempts.at))
      .limit(max);
    if (recent.length >= max && recent.every((r) => r.succeeded === false)) return { ok: false, reason: "locked" };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const verify = deps.verify ?? verifyPassword;
  const passwordOk = await verify(user?.passwordHash ?? (await dummyPasswordHash()), request.password);
  await db.insert(signInAttempts).values({ at: now, email, ip: request.ip, succeeded: Boolean(user && passwordOk) });
  return user && passwordOk ? { ok: true } : { ok: false, reason: "invalid" };
}
