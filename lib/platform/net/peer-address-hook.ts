import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";

/**
 * `next start` hides the socket peer from route handlers and server actions: its base server only
 * sets `x-forwarded-for` to the peer when the request has none (`req.headers['x-forwarded-for'] ??=
 * socket.remoteAddress`), so a client that sends the header chooses its own address. Installed from
 * instrumentation.ts, this hook does what every proxy does before Next sees the request: it appends
 * the peer to X-Forwarded-For, and vouches for that with a private header carrying a per-process
 * token no client can know (requests that arrived before the hook carry no valid token).
 */
export const peerAddressHeader = "x-payments-peer";

const processGlobal = globalThis as typeof globalThis & { __paymentsPeerToken?: string };

export function installPeerAddressHook(): void {
  if (processGlobal.__paymentsPeerToken) return;
  const token = randomBytes(18).toString("base64url");
  processGlobal.__paymentsPeerToken = token;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const peer = request.socket?.remoteAddress ?? "";
      const forwarded = request.headers["x-forwarded-for"];
      request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
      request.headers[peerAddressHeader] = `${token} ${peer}`;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** The socket peer the hook vouched for, or null when the header is missing or forged. */
export function vouchedPeer(headerValue: string | null | undefined): string | null {
  const token = processGlobal.__paymentsPeerToken;
  if (!token || !headerValue) return null;
  const [given, peer, ...rest] = headerValue.split(" ");
  if (!given || !peer || rest.length > 0) return null;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b) ? peer : null;
}
