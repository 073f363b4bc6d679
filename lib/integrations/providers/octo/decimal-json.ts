import { randomUUID } from "node:crypto";

const decimalPattern = /^-?\d+(?:\.\d+)?$/;

/**
 * A decimal amount that must reach the wire as a bare JSON number with its exact digits
 * ("total_sum": 1000.00, as OCTO's docs show), which JSON.stringify cannot do for a double.
 */
export class OctoDecimal {
  constructor(readonly text: string) {
    if (!decimalPattern.test(text)) throw new RangeError(`"${text}" is not a decimal amount`);
  }
}

/** JSON.stringify, except OctoDecimal values are written verbatim as numbers (e.g. 150000.00). */
export function stringifyOctoJson(value: unknown): string {
  // A per-call nonce, so no user-supplied string can ever be mistaken for a decimal placeholder.
  const marker = `\u0000${randomUUID()}:`;
  const json = JSON.stringify(value, (_key, item: unknown) =>
    item instanceof OctoDecimal ? `${marker}${item.text}` : item,
  );
  const escapedMarker = JSON.stringify(marker)
    .slice(1, -1)
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return json.replace(new RegExp(`"${escapedMarker}(-?\\d+(?:\\.\\d+)?)"`, "g"), "$1");
}
