import net from "node:net";
import { assertNoOpenTransaction, setNoNetworkInTransactionStrict } from "@/lib/platform/db/no-network-in-transaction";
import { testServerUrl } from "./test-database";

/**
 * Vitest setup of the integration project: any network call made while a database transaction
 * is open fails the test. The provider transports check for themselves; fetch and raw socket
 * connections are checked here too, so a path that bypasses the transports is caught as well.
 * Connections to the test database server itself are not provider calls and stay allowed.
 */
setNoNetworkInTransactionStrict(true);

const originalFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  assertNoOpenTransaction(`fetch ${init?.method ?? (input instanceof Request ? input.method : "GET")} ${url}`);
  return originalFetch(input, init);
};

const database = testServerUrl ? new URL(testServerUrl) : null;
const databasePort = database ? Number(database.port || 5432) : null;

/** "host:port" (or the socket path) a Socket#connect call goes to. */
function targetOf(args: unknown[]): { port: number | null; label: string } {
  const [first, second] = args;
  // net.connect() hands Socket#connect its arguments already normalised, as one array.
  if (Array.isArray(first)) return targetOf(first);
  if (typeof first === "object" && first !== null) {
    const options = first as { port?: number | string; host?: string; path?: string };
    if (options.path) return { port: null, label: options.path };
    return {
      port: options.port === undefined ? null : Number(options.port),
      label: `${options.host ?? "localhost"}:${String(options.port)}`,
    };
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return { port: Number(first), label: `${typeof second === "string" ? second : "localhost"}:${String(first)}` };
  }
  return { port: null, label: String(first) };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const target = targetOf(args);
  if (target.port === null || target.port !== databasePort)
    assertNoOpenTransaction(`a network connection to ${target.label}`);
  return Reflect.apply(originalConnect, this, args) as net.Socket;
} as typeof originalConnect;
