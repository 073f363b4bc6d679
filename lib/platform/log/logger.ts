import pino, { type DestinationStream } from "pino";
import { logLevel } from "@/lib/platform/env";
import { currentRequestContext } from "./request-context";

// Lines go through this indirection so a test can read them (captureLogLines); otherwise straight to stdout,
// synchronously: no transport, no worker thread.
const stdout = pino.destination({ dest: 1, sync: true });
let sink: (line: string) => void = (line) => stdout.write(line);

const destination: DestinationStream = { write: (line: string) => sink(line) };

/**
 * The server's one logger: JSON lines on stdout, each with the request id (or job run id) of the
 * context it was written in. Never give it bodies, credentials or card codes; log ids and outcomes.
 */
export const log = pino(
  {
    level: logLevel,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
  },
  destination,
);

/** Test support: every line written until `stop()` (at info and above), parsed. */
export function captureLogLines(): { lines: () => Record<string, unknown>[]; stop: () => void } {
  const captured: string[] = [];
  const previous = { sink, level: log.level };
  sink = (line) => captured.push(line);
  log.level = "info";
  return {
    lines: () => captured.map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      sink = previous.sink;
      log.level = previous.level;
    },
  };
}
