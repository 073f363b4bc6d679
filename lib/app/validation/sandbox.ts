import { z } from "zod";

const optionalCount = (max: number, unit: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce
      .number({ error: `must be a number of ${unit}` })
      .int(`must be a whole number of ${unit}`)
      .min(0, `cannot be negative`)
      .max(max, `must be at most ${max}`)
      .optional(),
  );

export const advanceClockInput = z
  .object({
    days: optionalCount(3650, "days"),
    hours: optionalCount(100_000, "hours"),
    minutes: optionalCount(1_000_000, "minutes"),
  })
  .refine((v) => (v.days ?? 0) + (v.hours ?? 0) + (v.minutes ?? 0) > 0, {
    message: "must move the clock forward by at least one minute",
    path: ["days"],
  });

export type AdvanceClockInput = z.infer<typeof advanceClockInput>;

export function advanceByMs(input: AdvanceClockInput): number {
  return ((input.days ?? 0) * 1440 + (input.hours ?? 0) * 60 + (input.minutes ?? 0)) * 60_000;
}
