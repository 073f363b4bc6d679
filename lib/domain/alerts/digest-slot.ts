import type { AlertDeliveryMode } from "./rules/alert-rule-settings";

const hourMs = 3_600_000;
const slotMs: Record<Exclude<AlertDeliveryMode, "immediate">, number> = { hourly: hourMs, daily: 24 * hourMs };

/**
 * When an alert goes out by email and webhook: at once, or with the others of its UTC hour or
 * UTC day, together, when that hour or day is over. Every alert of a slot shares its key.
 */
export function digestSlot(mode: AlertDeliveryMode, now: Date): { digestKey: string | null; sendAt: Date } {
  if (mode === "immediate") return { digestKey: null, sendAt: now };
  const length = slotMs[mode];
  const start = Math.floor(now.getTime() / length) * length;
  return { digestKey: `${mode}:${new Date(start).toISOString()}`, sendAt: new Date(start + length) };
}
