import { env } from "@/lib/platform/env";
import { normalizeIp } from "@/lib/platform/net/ip-address";
import { peerAddressHeader, vouchedPeer } from "@/lib/platform/net/peer-address-hook";
import { isTrustedProxy, type ProxyTrust } from "@/lib/platform/net/trusted-proxies";

export interface ClientAddressOptions {
  /** Defaults to TRUSTED_PROXIES. */
  trust?: ProxyTrust;
  /** The socket peer; defaults to the one lib/platform/net/peer-address-hook.ts vouched for on this request. */
  peer?: string | null;
}

/**
 * The client address as seen by the app, chosen so a client cannot pick it. The forwarding chain
 * is X-Forwarded-For (each proxy appends the address it received from) ending in the socket peer.
 * It is read from the right: TRUSTED_PROXIES unset → the peer; a hop count N → the entry N places
 * left of the peer; a list of proxies → the first entry, from the right, that is not one of them.
 * Anything a client wrote further left is never read. Entries that are not addresses are skipped
 * toward the peer. "unknown" only when no peer was vouched for (a request during start-up).
 */
export function clientAddressFrom(
  get: (name: string) => string | null | undefined,
  options: ClientAddressOptions = {},
): string {
  const trust = options.trust ?? env.TRUSTED_PROXIES;
  const peer = normalizeIp((options.peer !== undefined ? options.peer : vouchedPeer(get(peerAddressHeader))) ?? "");
  if (!peer) return "unknown";
  const forwarded = (get("x-forwarded-for") ?? "").split(",").map((entry) => normalizeIp(entry));
  // The hook appended the peer as the last entry; tests may pass a peer and a bare header.
  if (options.peer === undefined) forwarded.pop();
  const chain = [...forwarded, peer];

  let index = chain.length - 1;
  if (trust.kind === "hops") index = Math.max(0, chain.length - 1 - trust.count);
  if (trust.kind === "ranges") {
    while (index > 0 && isTrustedProxy(trust, chain[index] as string)) {
      index -= 1;
      if (chain[index] === null) break;
    }
  }
  // A hop that is not an address: the nearest address on the peer side speaks for it.
  while (chain[index] === null) index += 1;
  return chain[index] as string;
}
