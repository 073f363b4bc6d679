import { describe, expect, it } from "vitest";
import { parseTrustedProxies, type ProxyTrust } from "@/lib/platform/net/trusted-proxies";
import { clientAddressFrom } from "./client-address";

const none: ProxyTrust = { kind: "none" };
const from = (headers: Record<string, string>, peer: string | null, trust: ProxyTrust = none) =>
  clientAddressFrom((name) => headers[name], { trust, peer });

describe("clientAddressFrom", () => {
  it("with no trusted proxy, ignores a forged X-Forwarded-For and X-Real-IP and takes the socket peer", () => {
    expect(from({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" }, "198.51.100.20")).toBe(
      "198.51.100.20",
    );
    expect(from({}, "198.51.100.20")).toBe("198.51.100.20");
  });

  it("with a hop count, takes the entry the last trusted proxy appended, whatever the client wrote before it", () => {
    const oneHop = parseTrustedProxies("1");
    // The client sent "1.1.1.1, 2.2.2.2"; the proxy (10.0.0.2, the peer) appended the client it saw.
    expect(from({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.7" }, "10.0.0.2", oneHop)).toBe("203.0.113.7");
    const twoHops = parseTrustedProxies("2");
    expect(from({ "x-forwarded-for": "9.9.9.9, 203.0.113.7, 10.0.0.1" }, "10.0.0.2", twoHops)).toBe("203.0.113.7");
  });

  it("with a hop count and fewer hops than configured, falls back to the leftmost entry", () => {
    expect(from({}, "203.0.113.7", parseTrustedProxies("1"))).toBe("203.0.113.7");
  });

  it("with a list of proxies, takes the first untrusted entry from the right", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, 192.0.2.1");
    expect(from({ "x-forwarded-for": "10.9.9.9, 203.0.113.7, 192.0.2.1, 10.0.0.1" }, "10.0.0.2", trust)).toBe(
      "203.0.113.7",
    );
    // A client that reaches the app directly (bypassing the proxies) is its own peer; its header is ignored.
    expect(from({ "x-forwarded-for": "10.0.0.1" }, "203.0.113.9", trust)).toBe("203.0.113.9");
    // A client that forges a trusted proxy's address only adds entries left of the real one.
    expect(from({ "x-forwarded-for": "1.2.3.4, 10.0.0.5, 203.0.113.7" }, "10.0.0.2", trust)).toBe("203.0.113.7");
    // Every hop trusted: the leftmost.
    expect(from({ "x-forwarded-for": "10.1.1.1, 10.0.0.1" }, "10.0.0.2", trust)).toBe("10.1.1.1");
  });

  it("reads IPv6, bracketed and IPv4-mapped forms as one address each", () => {
    const trust = parseTrustedProxies("::1, 2001:db8::/32, ::ffff:10.0.0.0/104");
    expect(from({}, "::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(from({ "x-forwarded-for": "2001:0DB8:0:0:0:0:0:1" }, "::1", parseTrustedProxies("1"))).toBe("2001:db8::1");
    expect(from({ "x-forwarded-for": "[2001:db8:1::5]:443" }, "::1", parseTrustedProxies("1"))).toBe("2001:db8:1::5");
    // 2001:db8::/32 and the mapped 10/8 are trusted, so the client is 2a00::1.
    expect(from({ "x-forwarded-for": "2a00::1, 2001:db8::9, ::ffff:10.0.0.3" }, "::1", trust)).toBe("2a00::1");
    expect(from({ "x-forwarded-for": "203.0.113.7:51234" }, "10.0.0.3", trust)).toBe("203.0.113.7");
  });

  it("skips garbage toward the peer instead of using it", () => {
    expect(from({ "x-forwarded-for": "not-an-ip" }, "10.0.0.2", parseTrustedProxies("1"))).toBe("10.0.0.2");
    const trust = parseTrustedProxies("10.0.0.0/8");
    expect(from({ "x-forwarded-for": "203.0.113.7, <script>, 10.0.0.1" }, "10.0.0.2", trust)).toBe("10.0.0.1");
    expect(from({ "x-forwarded-for": ",,," }, "198.51.100.1", parseTrustedProxies("2"))).toBe("198.51.100.1");
  });

  it("answers 'unknown' when no peer was vouched for (a forged vouching header is not enough)", () => {
    expect(
      clientAddressFrom(
        (name) => ({ "x-forwarded-for": "203.0.113.7", "x-payments-peer": "guess 203.0.113.7" })[name],
        { trust: none },
      ),
    ).toBe("unknown");
  });
});

describe("parseTrustedProxies", () => {
  it("reads unset, hop counts and lists, and names a bad entry", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(parseTrustedProxies(" ")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", count: 2 });
    expect(parseTrustedProxies("10.0.0.0/8,::1").kind).toBe("ranges");
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/"10.0.0.0\/33" is not an IP address or CIDR range/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/"proxy.internal"/);
    expect(() => parseTrustedProxies("99")).toThrow(/hop count/);
  });
});
