import type { DbOrTx } from "@/lib/platform/db/types";

/** How the mounted sandbox tells its time; the mount point (lib/startup.ts, test set-up) registers it. */
export type SandboxClockReader = (db: DbOrTx) => Promise<Date>;

// On globalThis: Next.js may load this module once for instrumentation and again for routes.
const registry = globalThis as typeof globalThis & { __sandboxProviderClock?: SandboxClockReader };

/** Called by whatever mounts the sandbox in this process, before any provider time is read. */
export function mountSandboxClock(read: SandboxClockReader): void {
  registry.__sandboxProviderClock = read;
}

/**
 * "Now" on the providers' clock. In sandbox mode the simulators decide, expire and forget
 * idempotency keys on the sandbox clock (which staff and tests move forward), so every window
 * that mirrors a provider's rule (Octopus's 90-day collection, Checkout.com's 24-hour key) must
 * count on it too; live, it is real time.
 */
export function providerClock(db: DbOrTx, sandbox: boolean): () => Promise<Date> {
  if (!sandbox) return () => Promise.resolve(new Date());
  return () => {
    const read = registry.__sandboxProviderClock;
    if (!read) throw new Error("sandbox mode, but no sandbox clock is mounted (see mountSandboxClock)");
    return read(db);
  };
}
