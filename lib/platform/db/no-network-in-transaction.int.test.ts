import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { NetworkInsideTransactionError } from "./no-network-in-transaction";

describe("no network call inside a database transaction (the integration harness)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => h?.close());

  it("a provider call made inside a transaction fails, naming the call; the same call outside succeeds", async () => {
    await expect(h.database.db.transaction(() => h.client.listWallets())).rejects.toThrow(
      NetworkInsideTransactionError,
    );
    await expect(h.database.db.transaction(() => h.client.listWallets())).rejects.toThrow(
      /^Octopus Cards (POST|GET) \/\S+ was called inside a database transaction/,
    );
    expect((await h.client.listWallets()).items.length).toBeGreaterThan(0);
  });

  it("inside a nested savepoint too", async () => {
    await expect(h.database.db.transaction((tx) => tx.transaction(() => h.client.listWallets()))).rejects.toThrow(
      NetworkInsideTransactionError,
    );
  });

  it("a fetch that bypasses the transports fails inside a transaction", async () => {
    await expect(h.database.db.transaction(() => fetch(`${h.baseUrl}/wallets`))).rejects.toThrow(
      /fetch GET .*\/wallets/,
    );
  });

  it("a raw socket connection fails inside a transaction", async () => {
    const port = Number(new URL(h.baseUrl).port);
    await expect(h.database.db.transaction(async () => net.connect(port, "127.0.0.1").destroy())).rejects.toThrow(
      /network connection to 127\.0\.0\.1/,
    );
  });

  it("work after the transaction ended is not marked", async () => {
    await h.database.db.transaction(async () => undefined);
    expect((await fetch(`${h.baseUrl}/wallets`)).status).toBeGreaterThanOrEqual(200);
  });
});
