import { createOrderDepsClient, createRefundClients } from "./clients";
import type { Database } from "@/lib/platform/db/types";
import {
  advanceClock,
  clockOffsetMs,
  clearFaults,
  queueFault,
  type FaultSpec,
  sandboxTick,
  startSandboxServer,
  type RunningSandboxServer,
  sandboxProviders,
} from "@/lib/integrations/sandbox/testing";
import { createTestDatabase, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { webhookSink, type AppProcess } from "./webhook-sink";

/** Where the sandbox believes the dashboard is (webhooks are intercepted by webhookSink, never sent). */
const appUrl = "https://dashboard.sim.invalid";

/**
 * One database and one sandbox server for a whole simulation, the sandbox clock as the app's
 * clock, and "processes": each restart builds fresh clients and deps, so nothing held in memory
 * by the previous process (tokens, in-flight calls) survives.
 */
export interface SimWorld {
  db: Database;
  database: TestDatabase;
  /** The current app process. */
  app(): AppProcess;
  /** Starts a new app process (after a crash): fresh clients, fresh deps. */
  restart(options?: { wrap?: (process: AppProcess) => AppProcess }): AppProcess;
  now(): Date;
  advance(ms: number): Promise<void>;
  /** Due sandbox events and webhook deliveries (to our receivers). */
  tick(): Promise<void>;
  fault(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/** Generous for a busy 2-core box: a spurious timeout is only one more fault, but setup calls must not fail. */
export const simClientTimeoutMs = 3_000;

export async function startSimWorld(): Promise<SimWorld> {
  const database = await createTestDatabase({ maxConnections: 24 });
  const db = database.db;
  const server: RunningSandboxServer = await startSandboxServer({ db, appUrl });
  let offsetMs = await clockOffsetMs(db);
  const now = () => new Date(Date.now() + offsetMs);
  const build = (): AppProcess => {
    const options = { baseUrl: `${server.url}/api/sandbox`, timeoutMs: simClientTimeoutMs, now };
    return {
      refundDeps: {
        db,
        clients: createRefundClients(options),
        sandboxTriggers: true,
        now,
        providerNow: async () => now(),
      },
      orderDeps: { db, client: createOrderDepsClient(options), now },
    };
  };
  let current = build();
  const send = webhookSink(() => current);
  const tick = async () => {
    await sandboxTick(db, sandboxProviders, { appUrl, send });
  };
  return {
    db,
    database,
    app: () => current,
    restart(options = {}) {
      const fresh = build();
      current = options.wrap ? options.wrap(fresh) : fresh;
      return current;
    },
    now,
    async advance(ms) {
      await advanceClock(db, ms);
      offsetMs = await clockOffsetMs(db);
      await tick();
    },
    tick,
    fault: async (spec) => {
      await queueFault(db, spec);
    },
    clearFaults: () => clearFaults(db),
    async close() {
      await server.close();
      await database.dispose();
    },
  };
}
