/**
 * "The app crashes between reserve and settle": the process's first money-moving provider call
 * trips the switch, either before the request leaves (the provider never hears of it) or after
 * the provider has answered (it committed; the answer is lost with the process). From then on
 * every such call of that process hangs forever, so phase C never runs: exactly what a killed
 * process leaves behind. The simulation then starts a new process with fresh deps.
 */
export type CrashPoint = "before_call" | "after_call";

export interface CrashSwitch {
  point: CrashPoint;
  /** Resolves when the process "dies". */
  crashed: Promise<void>;
  /** Calls left hanging (each one is an attempt that will never finish). */
  hung(): number;
  isTripped(): boolean;
  /** Wraps the named async methods of a client so they obey the switch. */
  wrap<T extends object>(client: T, methods: readonly (keyof T & string)[]): T;
}

const never = new Promise<never>(() => {});

export function createCrashSwitch(point: CrashPoint): CrashSwitch {
  let tripped = false;
  let hungCalls = 0;
  let trip = () => {};
  const crashed = new Promise<void>((resolve) => {
    trip = () => {
      tripped = true;
      resolve();
    };
  });
  const hang = (): Promise<never> => {
    hungCalls += 1;
    return never;
  };
  return {
    point,
    crashed,
    hung: () => hungCalls,
    isTripped: () => tripped,
    wrap<T extends object>(client: T, methods: readonly (keyof T & string)[]): T {
      return new Proxy(client, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== "function" || !methods.includes(property as keyof T & string)) return value;
          return async (...args: unknown[]) => {
            if (tripped) return hang();
            if (point === "before_call") {
              trip();
              return hang();
            }
            await Promise.resolve(value.apply(target, args)).catch(() => undefined);
            trip();
            return hang();
          };
        },
      });
    },
  };
}

/** Waits until every attempt either finished or hangs in a dead process (bounded, polling). */
export async function untilSettledOrHung(
  attempts: Promise<unknown>[],
  crash: CrashSwitch,
  maxWaitMs = 30_000,
): Promise<void> {
  let settled = 0;
  for (const attempt of attempts)
    void attempt.then(
      () => (settled += 1),
      () => (settled += 1),
    );
  const started = Date.now();
  while (settled + crash.hung() < attempts.length) {
    if (Date.now() - started > maxWaitMs) throw new Error(`attempts neither finished nor hung after ${maxWaitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
