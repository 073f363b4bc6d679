import { randomUUID } from "node:crypto";

/**
 * [DOC, providers.md §2.2/§2.6] OCTO's bodies carry amounts as bare JSON numbers with their
 * digits ("amount": 1000.00), which JSON.stringify cannot write for a double.
 */
export class OctoDecimal {
  constructor(readonly digits: string) {
    if (!/^-?\d+(\.\d+)?$/.test(digits)) throw new RangeError(`not a decimal: ${digits}`);
  }
}

/** JSON text in which every OctoDecimal appears as a bare number with exactly its digits. */
export function octoJson(value: unknown): string {
  const placeholder = `octo-decimal:${randomUUID()}:`;
  const text = JSON.stringify(value, (_key, item: unknown) =>
    item instanceof OctoDecimal ? placeholder + item.digits : item,
  );
  // The placeholder holds only [a-z0-9:-], so it appears in the JSON text unescaped.
  return text.split(`"${placeholder}`).reduce((out, part) => out + part.replace(/^(-?[\d.]+)"/, "$1"));
}
