import { isFinalOrderStatus, type OrderStatus } from "./order-status";

/** [OURS] The provider's polling schedule for a pending order, counted from when it was placed. */
export const orderPollSchedule = {
  fastMs: 5_000,
  fastForMs: 60_000,
  slowMs: 30_000,
  pollForMs: 11 * 60_000,
  reconcilerMs: 5 * 60_000,
} as const;

/** When to look again: every 5 s for a minute, then every 30 s up to ~11 min, then at the background reconciler's pace. */
export function nextOrderCheckAt(placedAt: Date, now: Date): Date {
  const age = now.getTime() - placedAt.getTime();
  const s = orderPollSchedule;
  return new Date(now.getTime() + (age < s.fastForMs ? s.fastMs : age < s.pollForMs ? s.slowMs : s.reconcilerMs));
}

/** Browser polling interval for an order in this state (null: stop). */
export function livePollIntervalMs(status: OrderStatus, placedAt: Date, now: Date): number | null {
  if (isFinalOrderStatus(status)) return null;
  const age = now.getTime() - placedAt.getTime();
  return age < orderPollSchedule.fastForMs
    ? orderPollSchedule.fastMs
    : age < orderPollSchedule.pollForMs
      ? orderPollSchedule.slowMs
      : null;
}
