import { Server, isIPv4, isIPv6 } from "node:net";

export interface ListeningAddress {
  address: string;
  port: number;
}

/**
 * The TCP addresses this process listens on. Next.js does not hand the app its bind address:
 * `next start -H` keeps it in the CLI's options, `next dev -H` sends it to its server worker
 * over IPC, neither sets an environment variable (HOSTNAME is read only by the standalone
 * server.js, and shells or Docker set it to the machine's name). By the time instrumentation
 * runs the server is listening (checked for `next dev` and `next start`), so we ask the process
 * for its listening servers. A Unix socket or an unknown runtime yields nothing: callers must
 * then treat the server as reachable (fail closed).
 */
export function listeningAddresses(): ListeningAddress[] {
  const activeHandles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles;
  if (typeof activeHandles !== "function") return [];
  return activeHandles
    .call(process)
    .filter((handle): handle is Server => handle instanceof Server && handle.listening)
    .map((server) => server.address())
    .filter((address) => typeof address === "object" && address !== null)
    .map((address) => ({ address: address.address, port: address.port }));
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback; "localhost" by name. Everything else (0.0.0.0, ::, LAN) is not. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  if (isIPv4(bare)) return bare.startsWith("127.");
  if (isIPv6(bare)) return bare === "::1" || /^::ffff:127\./.test(bare);
  return false;
}

export type ServerReach =
  { kind: "localhost-only"; bound: string } | { kind: "beyond-localhost"; bound: string; why: string };

const describeBind = (addresses: readonly ListeningAddress[]) =>
  addresses.length === 0
    ? "an unknown address"
    : addresses.map((a) => (isIPv6(a.address) ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`)).join(", ");

/**
 * Whether anyone beyond this machine can reach the app. Localhost-only needs every listening
 * socket on loopback AND a loopback APP_URL: a server bound to 127.0.0.1 behind a reverse proxy
 * with a public APP_URL is reachable from outside all the same.
 */
export function serverReach(addresses: readonly ListeningAddress[], appUrl: string): ServerReach {
  const bound = describeBind(addresses);
  if (addresses.length === 0) return { kind: "beyond-localhost", bound, why: "the bind address could not be read" };
  const open = addresses.find((a) => !isLoopbackHost(a.address));
  if (open)
    return {
      kind: "beyond-localhost",
      bound,
      why: `the server listens on ${open.address}, reachable beyond localhost`,
    };
  const appHost = new URL(appUrl).hostname;
  if (!isLoopbackHost(appHost))
    return { kind: "beyond-localhost", bound, why: `APP_URL is ${new URL(appUrl).origin}, not localhost` };
  return { kind: "localhost-only", bound };
}
