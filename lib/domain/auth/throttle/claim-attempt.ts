import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { signInAttempts } from "@/drizzle/schema";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database, Transaction } from "@/lib/platform/db/types";
import type { ThrottlePolicy } from "../session-policy";
import { pairLockedUntil } from "./pair-lock";

export type ThrottleRefusal =
  | { ok: false; reason: "locked"; scope: "account" | "ip"; retryAt: Date }
  | { ok: false; reason: "slow_down"; retryAt: Date };

export type ClaimResult = { ok: true; attemptId: bigint } | ThrottleRefusal;

const defaults = {
  slowDownAfter: 5,
  slowDownBaseMs: 1_000,
  slowDownMaxMs: 60_000,
  trustedAddressMs: 90 * 24 * 3_600_000,
};

/** A claim (succeeded is null) counts like a failure until it is settled. */
const notSucceeded = or(isNull(signInAttempts.succeeded), eq(signInAttempts.succeeded, false));

/**
 * Claims one sign-in attempt before the password is checked, or refuses it. Runs as one short
 * transaction holding advisory locks on the account and on the address, so concurrent attempts
 * for either are counted one after another: each sees every earlier claim, settled or not.
 * Refused attempts write no row, so hammering a lock does not extend it.
 *
 * - The pair (account, address): `maxFailuresPerAccount` failures since the pair's last success
 *   lock that address out of that account until the oldest of them leaves the window.
 * - The address: `maxFailuresPerIp` failures over all accounts lock the address.
 * - The account, from anywhere: past `slowDownAfter` failures, each further attempt waits a
 *   doubling delay (capped) after the latest failure. Addresses that signed in to the account
 *   before, or have no failure for it in the window, are exempt, so a stranger elsewhere can slow
 *   the account down but never lock its owner out.
 */
export async function claimSignInAttempt(
  db: Database,
  key: { email: string; ip: string },
  policy: ThrottlePolicy,
  actor: AuditActor,
  now: Date,
): Promise<ClaimResult> {
  const p: FullPolicy = {
    ...policy,
    slowDownAfter: policy.slowDownAfter ?? defaults.slowDownAfter,
    slowDownBaseMs: policy.slowDownBaseMs ?? defaults.slowDownBaseMs,
    slowDownMaxMs: policy.slowDownMaxMs ?? defaults.slowDownMaxMs,
    trustedAddressMs: policy.trustedAddressMs ?? defaults.trustedAddressMs,
  };
  return db.transaction(async (tx) => {
    // Always account first, then address: one lock order, so two claims never deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:account:${key.email}`}, 0))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:ip:${key.ip}`}, 0))`);

    const windowStart = new Date(now.getTime() - p.lockMs);
    const refusal = await refusalFor(tx, key, p, windowStart, now);
    if (refusal) {
      const action = refusal.reason === "locked" ? "auth.sign_in_refused_locked" : "auth.sign_in_refused_slow_down";
      const after = refusal.reason === "locked" ? { scope: refusal.scope } : { retryAt: refusal.retryAt.toISOString() };
      await recordAudit(tx, actor, { action, targetType: "user", targetId: key.email, after });
      return refusal;
    }
    const [row] = await tx
      .insert(signInAttempts)
      .values({ at: now, email: key.email, ip: key.ip, succeeded: null })
      .returning({ id: signInAttempts.id });
    if (!row) throw new Error("sign-in claim was not inserted");
    return { ok: true as const, attemptId: row.id };
  });
}

type FullPolicy = Required<ThrottlePolicy>;

async function refusalFor(
  tx: Transaction,
  key: { email: string; ip: string },
  p: FullPolicy,
  windowStart: Date,
  now: Date,
): Promise<ThrottleRefusal | null> {
  const pairLock = await pairLockedUntil(tx, key, p, now);
  if (pairLock) return { ok: false, reason: "locked", scope: "account", retryAt: pairLock };
  const ipLock = await ipLockedUntil(tx, key.ip, p, windowStart);
  if (ipLock) return { ok: false, reason: "locked", scope: "ip", retryAt: ipLock };
  const slowUntil = await slowedDownUntil(tx, key, p, windowStart, now);
  if (slowUntil) return { ok: false, reason: "slow_down", retryAt: slowUntil };
  return null;
}

async function ipLockedUntil(tx: Transaction, ip: string, p: FullPolicy, windowStart: Date): Promise<Date | null> {
  const failures = await tx
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), gt(signInAttempts.at, windowStart), notSucceeded))
    .orderBy(desc(signInAttempts.at), desc(signInAttempts.id))
    .limit(p.maxFailuresPerIp);
  return lockEnd(
    failures.map((f) => f.at),
    p.maxFailuresPerIp,
    p.lockMs,
  );
}

function lockEnd(failuresNewestFirst: Date[], max: number, lockMs: number): Date | null {
  if (failuresNewestFirst.length < max) return null;
  const oldest = failuresNewestFirst[max - 1] as Date;
  return new Date(oldest.getTime() + lockMs);
}

async function slowedDownUntil(
  tx: Transaction,
  key: { email: string; ip: string },
  p: FullPolicy,
  windowStart: Date,
  now: Date,
): Promise<Date | null> {
  const [account] = await tx
    .select({
      failures: sql<number>`count(*)`.mapWith(Number),
      fromThisAddress: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${key.ip})`.mapWith(Number),
      latestAt: sql<Date | null>`max(${signInAttempts.at})`.mapWith(signInAttempts.at),
    })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, key.email), gt(signInAttempts.at, windowStart), notSucceeded));
  if (!account || account.failures < p.slowDownAfter || account.fromThisAddress === 0 || !account.latestAt) return null;

  const [trusted] = await tx
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, key.email),
        eq(signInAttempts.ip, key.ip),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.at, new Date(now.getTime() - p.trustedAddressMs)),
      ),
    )
    .limit(1);
  if (trusted) return null;

  const doublings = Math.min(account.failures - p.slowDownAfter, 30);
  const delayMs = Math.min(p.slowDownBaseMs * 2 ** doublings, p.slowDownMaxMs);
  const until = new Date(new Date(account.latestAt).getTime() + delayMs);
  return until > now ? until : null;
}
