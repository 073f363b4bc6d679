/**
 * IP address parsing for proxy trust and throttling: pure TypeScript (no node:net), so lib/platform/env.ts
 * can validate TRUSTED_PROXIES wherever it is imported.
 */

export interface ParsedIp {
  version: 4 | 6;
  /** 32 or 128 bits. */
  value: bigint;
}

const ipv4Pattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): bigint | null {
  const match = ipv4Pattern.exec(text);
  if (!match) return null;
  let value = 0n;
  for (const part of match.slice(1)) {
    if (part.length > 1 && part.startsWith("0")) return null; // no octal look-alikes
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let body = text.toLowerCase();
  if (body.includes(".")) {
    // A dotted IPv4 tail stands for the last two groups.
    const lastColon = body.lastIndexOf(":");
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (v4 === null) return null;
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const toGroups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = toGroups(halves[0] ?? "");
  const rest = halves.length === 2 ? toGroups(halves[1] ?? "") : [];
  const given = head.length + rest.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const groups = [...head, ...Array<string>(8 - given).fill("0"), ...rest];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

const mappedPrefix = 0xffffn << 32n;

/**
 * Parses one address as it appears in X-Forwarded-For or a socket: optional [brackets], an
 * optional :port, an optional %zone. IPv4-mapped IPv6 (::ffff:a.b.c.d) is read as the IPv4 address.
 */
export function parseIp(raw: string): ParsedIp | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? "";
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "");
  if (text.length === 0 || text.length > 45) return null;
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  if (!text.includes(":")) return null;
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  if (v6 >> 32n === mappedPrefix >> 32n) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

export function formatIp(ip: ParsedIp): string {
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt((7 - i) * 16)) & 0xffffn));
  // Compress the longest run of zero groups (two or more), as RFC 5952 asks.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

/** The canonical text of an address (IPv4-mapped forms as IPv4), or null when it is not one. */
export function normalizeIp(raw: string): string | null {
  const ip = parseIp(raw);
  return ip ? formatIp(ip) : null;
}

export interface IpRange {
  version: 4 | 6;
  base: bigint;
  prefix: number;
}

/** "10.0.0.0/8", "2001:db8::/32" or a single address. */
export function parseIpRange(raw: string): IpRange | null {
  const [addressText, prefixText, ...extra] = raw.trim().split("/");
  if (extra.length > 0 || addressText === undefined) return null;
  const ip = parseIp(addressText);
  if (!ip) return null;
  const bits = ip.version === 4 ? 32 : 128;
  // A mapped IPv6 range (::ffff:10.0.0.0/104) is the IPv4 range it maps.
  const mappedOffset = ip.version === 4 && addressText.includes(":") ? 96 : 0;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText) - mappedOffset;
  if (prefix < 0 || prefix > bits) return null;
  return { version: ip.version, base: ip.value >> BigInt(bits - prefix), prefix };
}

export function rangeContains(range: IpRange, ip: ParsedIp): boolean {
  if (range.version !== ip.version) return false;
  const bits = ip.version === 4 ? 32 : 128;
  return ip.value >> BigInt(bits - range.prefix) === range.base;
}

/**
 * The key an address is throttled by: IPv4 addresses as they are, IPv6 addresses by their /64,
 * since one subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function throttleKeyOf(address: string): string {
  const ip = parseIp(address);
  if (!ip) return address;
  if (ip.version === 4) return formatIp(ip);
  return `${formatIp({ version: 6, value: (ip.value >> 64n) << 64n })}/64`;
}
