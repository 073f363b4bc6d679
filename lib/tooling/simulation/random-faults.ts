import type { FaultKind, FaultSpec } from "@/lib/integrations/sandbox/testing";
import type { Prng } from "./prng";
import { simClientTimeoutMs } from "./world";

/** Fault kinds the simulation injects; timeouts are rarer (each one costs real time). */
const kinds: readonly FaultKind[] = [
  "http_500",
  "http_502",
  "http_503",
  "http_429",
  "reset",
  "lost_response",
  "delay",
  "http_500",
  "reset",
  "lost_response",
  "timeout",
];

export type FaultTarget = { provider: FaultSpec["provider"]; method: "POST" | "GET"; pathContains?: string };

/** Money-moving calls (the sandbox's view of "the provider call in phase B"). */
export const moneyCalls = {
  checkoutRefund: { provider: "checkout", method: "POST", pathContains: "/refunds" },
  octoRefund: { provider: "octo", method: "POST", pathContains: "/refund" },
  cardsOrder: { provider: "octopus-cards", method: "POST", pathContains: "/orders" },
} as const satisfies Record<string, FaultTarget>;

/** Random faults for one lifecycle: on the money-moving call and, sometimes, on the reconciler's reads. */
export function pickFaults(prng: Prng, call: FaultTarget, reads: FaultTarget["provider"]): FaultSpec[] {
  const specs: FaultSpec[] = [];
  const spec = (target: FaultTarget): FaultSpec => {
    const kind = prng.pick(kinds);
    return {
      ...target,
      kind,
      count: prng.int(1, 2),
      ...(kind === "timeout" && { delayMs: simClientTimeoutMs + 100 }),
      ...(kind === "delay" && { delayMs: prng.int(1, 50) }),
    };
  };
  if (prng.chance(0.5)) specs.push(spec(call));
  if (prng.chance(0.25)) specs.push(spec({ provider: reads, method: "GET" }));
  return specs;
}
