import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { startSandboxServer, type RunningSandboxServer } from "./node-server";

describe("standalone sandbox server: control needs its token", () => {
  let database: TestDatabase;
  let server: RunningSandboxServer;
  let closed: RunningSandboxServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startSandboxServer({ db: database.db });
    closed = await startSandboxServer({ db: database.db, controlToken: null });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await closed?.close();
    await database?.dispose();
  });

  it("refuses control without the token and with a wrong one, before anything moves", async () => {
    const advance = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/sandbox-control/clock/advance`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ days: 30 }),
      });
    expect((await advance({})).status).toBe(401);
    expect((await advance({ authorization: "Bearer not-the-token" })).status).toBe(401);
    const clock = await fetch(`${server.url}/api/sandbox-control/clock`, { headers: server.controlHeaders });
    expect(clock.status).toBe(200);
    expect(((await clock.json()) as { offsetMs: number }).offsetMs).toBe(0);
  });

  it("keeps control off entirely when started with controlToken null", async () => {
    expect(closed.controlHeaders).toEqual({});
    expect((await fetch(`${closed.url}/api/sandbox-control/clock`)).status).toBe(401);
    expect((await fetch(`${closed.url}/api/sandbox-control/clock`, { headers: server.controlHeaders })).status).toBe(
      401,
    );
  });
});
