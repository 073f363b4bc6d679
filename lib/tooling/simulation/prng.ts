import { prng } from "@/lib/tooling/dev-seed/seed-plan";

/**
 * Choices drawn from the sandbox seed's mulberry32 PRNG: the same seed gives the same choices, so a
 * failing lifecycle can be replayed with SIM_SEED. Each lifecycle gets its own stream derived
 * from (seed, index), so replaying one does not depend on the ones before it.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A v4-shaped UUID from this stream (idempotency keys must be deterministic too). */
  uuid(): string;
}

export function createPrng(seed: number): Prng {
  const next = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join("");
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError("pick from an empty list");
      return item;
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`,
  };
}

/** The stream of lifecycle `index` under run seed `seed`. */
export function lifecyclePrng(seed: number, index: number): Prng {
  return createPrng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0);
}
