import { createHash } from "node:crypto";

/** The sandbox seed's mulberry32: a run's random values can be replayed from its printed seed. */
export { prng as seededRandom } from "@/lib/tooling/dev-seed/seed-plan";

export const pick = <T>(rnd: () => number, values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
export const intBetween = (rnd: () => number, min: number, max: number): number =>
  min + Math.floor(rnd() * (max - min + 1));

/** The id the seed gives payment g: Postgres md5(g::text)::uuid. */
export function seededPaymentId(g: number): string {
  const hex = createHash("md5").update(String(g)).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A keyset cursor timestamp as the list writes it (microseconds, UTC). */
export const exactTimestamp = (at: Date): string => at.toISOString().replace("Z", "000Z");
