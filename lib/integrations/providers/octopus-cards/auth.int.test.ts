import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { createOctopusCardsClient } from "./client";
import { OctopusCardsError } from "./errors";
import { countOf, rawLogin, startHarness, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const login = "/auth/login";
const refresh = "/auth/refresh";

describe("Octopus Cards auth (wire)", () => {
  it("logs in with the sandbox credentials: wrapped tokens, 1 h / 7 d of sandbox time, client 42", async () => {
    const clock = (await (await h.control("GET", "/clock")).json()) as { now: string };
    const response = await h.raw("POST", login, {
      body: { username: sandboxCredentials.octopusCards.apiKey, password: sandboxCredentials.octopusCards.apiSecret },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: boolean; data: Record<string, string | number> };
    expect(body.success).toBe(true);
    expect(body.data.client_id).toBe(42);
    const now = new Date(clock.now).getTime();
    expect(new Date(String(body.data.access_expires_at)).getTime() - now).toBeGreaterThan(3_590_000);
    expect(new Date(String(body.data.access_expires_at)).getTime() - now).toBeLessThan(3_610_000);
    expect(new Date(String(body.data.refresh_expires_at)).getTime() - now).toBeGreaterThan(7 * 86_400_000 - 10_000);
  });

  it("answers bad credentials 401 and missing fields 400 with the error envelope", async () => {
    const bad = await h.raw("POST", login, { body: { username: "nope", password: "nope" } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      error: { name: "UnauthorizedError", code: "UNAUTHORIZED", message: "Invalid credentials" },
    });
    const missing = await h.raw("POST", login, { body: { username: "x" } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: { name: "ValidationException", code: "VALIDATION_FAILURE", message: "Username and password are required" },
    });
  });

  it("rotates refresh tokens: the old one is revoked and reusing it is a 401", async () => {
    const first = await rawLogin(h);
    const rotated = await h.raw("POST", refresh, { body: { refresh_token: first.refresh_token } });
    expect(rotated.status).toBe(200);
    const next = ((await rotated.json()) as { data: { access_token: string; refresh_token: string } }).data;
    expect(next.refresh_token).not.toBe(first.refresh_token);
    const reuse = await h.raw("POST", refresh, { body: { refresh_token: first.refresh_token } });
    expect(reuse.status).toBe(401);
    expect(((await reuse.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    const missing = await h.raw("POST", refresh, { body: {} });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe("Refresh token is required");
  });

  it("requires a bearer token on API routes, and logout revokes every token of the client", async () => {
    const noHeader = await h.raw("GET", "/api/v1/wallets");
    expect(noHeader.status).toBe(401);
    expect(((await noHeader.json()) as { error: { message: string } }).error.message).toBe(
      "Authorization header required",
    );
    const garbage = await h.raw("GET", "/api/v1/wallets", { token: "not-a-token" });
    expect(garbage.status).toBe(401);
    expect(((await garbage.json()) as { error: { message: string } }).error.message).toBe("Invalid token");

    const a = await rawLogin(h);
    const b = await rawLogin(h);
    expect((await h.raw("GET", "/api/v1/wallets", { token: a.access_token })).status).toBe(200);
    const out = await h.raw("POST", "/auth/logout", { token: a.access_token });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ success: true, data: { message: "Successfully logged out" } });
    expect((await h.raw("GET", "/api/v1/wallets", { token: a.access_token })).status).toBe(401);
    expect((await h.raw("GET", "/api/v1/wallets", { token: b.access_token })).status).toBe(401);
    expect((await h.raw("POST", refresh, { body: { refresh_token: b.refresh_token } })).status).toBe(401);
  });

  it("echoes X-Request-Id, or generates a KSUID-shaped one", async () => {
    const echoed = await h.raw("GET", "/api/v1/wallets", { headers: { "X-Request-Id": "2bXyZ-test-request" } });
    expect(echoed.headers.get("x-request-id")).toBe("2bXyZ-test-request");
    const generated = await h.raw("POST", login, { body: {} });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9A-Za-z]{27}$/);
    const unknownRoute = await h.raw("GET", "/api/v1/nothing-here");
    expect(unknownRoute.status).toBe(404);
  });

  it("expires access tokens after 1 h of sandbox time", async () => {
    const tokens = await rawLogin(h);
    await h.advance({ minutes: 61 }, true);
    expect((await h.raw("GET", "/api/v1/wallets", { token: tokens.access_token })).status).toBe(401);
  });
});

describe("Octopus Cards client token handling", () => {
  beforeEach(async () => {
    await h.syncClock();
  });

  it("logs in exactly once for many concurrent first calls", async () => {
    const before = countOf(h.requests, login);
    const client = h.newClient();
    const results = await Promise.all(Array.from({ length: 8 }, () => client.listWallets()));
    expect(results.every((r) => r.items.length === 2)).toBe(true);
    expect(countOf(h.requests, login) - before).toBe(1);
  });

  it("refreshes (not re-logs in) before expiry by its own clock, with one refresh for concurrent calls", async () => {
    const client = h.newClient();
    await client.listWallets();
    const logins = countOf(h.requests, login);
    const refreshes = countOf(h.requests, refresh);
    await h.advance({ minutes: 59, seconds: 30 });
    await Promise.all([client.getWallet(1), client.getWallet(2), client.listWallets()]);
    expect(countOf(h.requests, refresh) - refreshes).toBe(1);
    expect(countOf(h.requests, login) - logins).toBe(0);
  });

  it("recovers from a 401 its clock did not predict with one refresh and a retry", async () => {
    const client = h.newClient();
    await client.listWallets();
    const refreshes = countOf(h.requests, refresh);
    await h.advance({ hours: 2 }, true); // only the sandbox moves: the client still trusts its token
    const wallet = await client.getWallet(1);
    expect(wallet.balance.currency).toBe("USD");
    expect(countOf(h.requests, refresh) - refreshes).toBe(1);
  });

  it("logs in again when the refresh token has expired, and after a logout", async () => {
    const client = h.newClient();
    await client.listWallets();
    const logins = countOf(h.requests, login);
    await h.advance({ days: 8 });
    await client.listWallets();
    expect(countOf(h.requests, login) - logins).toBe(1);
    await client.logout();
    await client.listWallets();
    expect(countOf(h.requests, login) - logins).toBe(2);
  });

  it("a revoked refresh token: the refresh is refused, the client logs in once (even for concurrent calls)", async () => {
    const client = h.newClient();
    await client.listWallets();
    // Another client of the same API key logs out: every token, including this client's refresh token, is revoked.
    const other = h.newClient();
    await other.listWallets();
    await other.logout();
    const logins = countOf(h.requests, login);
    const refreshes = countOf(h.requests, refresh);
    await h.advance({ minutes: 59, seconds: 30 });
    const results = await Promise.all([client.getWallet(1), client.getWallet(2), client.listWallets()]);
    expect(results[0].balance.currency).toBe("USD");
    expect(countOf(h.requests, refresh) - refreshes).toBe(1);
    expect(countOf(h.requests, login) - logins).toBe(1);
  });

  it("maps wrong credentials to a rejected OctopusCardsError", async () => {
    const creds = sandboxCredentials.octopusCards;
    const client = createOctopusCardsClient({
      baseUrl: h.baseUrl,
      apiKey: creds.apiKey,
      apiSecret: "wrong",
      webhookSecret: "",
    });
    const error = await client.listWallets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OctopusCardsError);
    expect(error).toMatchObject({
      httpStatus: 401,
      name: "UnauthorizedError",
      code: "UNAUTHORIZED",
      outcome: "rejected",
    });
    expect(JSON.stringify(client)).not.toContain("oca_");
  });
});
