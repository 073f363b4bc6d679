import { parseIp, parseIpRange, rangeContains, type IpRange } from "./ip-address";

/**
 * Which forwarding hops the app believes (TRUSTED_PROXIES):
 * - none: no proxy; the socket peer is the client and X-Forwarded-For is ignored;
 * - hops: that many proxies, each appending the address it received from, sit in front;
 * - ranges: proxies are the listed addresses/CIDRs; the client is the first address from the
 *   right (starting at the socket peer) that is not one of them.
 */
export type ProxyTrust = { kind: "none" } | { kind: "hops"; count: number } | { kind: "ranges"; ranges: IpRange[] };

export class TrustedProxiesError extends Error {}

export function parseTrustedProxies(raw: string | undefined): ProxyTrust {
  const text = raw?.trim() ?? "";
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count > 20)
      throw new TrustedProxiesError(
        "must be a hop count from 0 to 20, or a comma-separated list of addresses and CIDR ranges",
      );
    return { kind: "hops", count };
  }
  const ranges: IpRange[] = [];
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const range = parseIpRange(entry);
    if (!range)
      throw new TrustedProxiesError(`"${entry}" is not an IP address or CIDR range (like 10.0.0.0/8 or 2001:db8::/32)`);
    ranges.push(range);
  }
  if (ranges.length === 0) return { kind: "none" };
  return { kind: "ranges", ranges };
}

export function isTrustedProxy(trust: ProxyTrust, address: string): boolean {
  if (trust.kind !== "ranges") return false;
  const ip = parseIp(address);
  return ip !== null && trust.ranges.some((range) => rangeContains(range, ip));
}
