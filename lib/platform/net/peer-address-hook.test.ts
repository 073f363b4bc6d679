import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/domain/auth/client-address";
import { installPeerAddressHook, peerAddressHeader } from "./peer-address-hook";

/** A real socket: what the server sees for a request with a forged X-Forwarded-For. */
describe("peer address hook", () => {
  let server: http.Server;
  let seen: http.IncomingHttpHeaders = {};
  let url = "";
  beforeAll(async () => {
    installPeerAddressHook();
    server = http.createServer((req, res) => {
      seen = req.headers;
      res.end(clientAddressFrom((name) => req.headers[name] as string | undefined, { trust: { kind: "none" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("appends the socket peer to X-Forwarded-For and vouches for it", async () => {
    const answer = await fetch(url, {
      headers: { "x-forwarded-for": "203.0.113.7", [peerAddressHeader]: "forged 203.0.113.7" },
    });
    expect(await answer.text()).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBe("203.0.113.7, 127.0.0.1");
    expect(String(seen[peerAddressHeader])).toMatch(/^\S+ 127\.0\.0\.1$/);
    expect(String(seen[peerAddressHeader])).not.toContain("forged");
  });

  it("sets X-Forwarded-For to the peer when the request has none", async () => {
    await fetch(url);
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
  });
});
