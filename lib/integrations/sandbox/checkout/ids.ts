import { randomBytes } from "node:crypto";

const base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

/** 26 random characters of [a-z2-7], the body of every Checkout.com id (pay_, act_, evt_, set_, cus_). */
function base32Body(length = 26): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += base32Alphabet[byte % 32];
  return out;
}

export type CheckoutIdPrefix = "pay" | "act" | "evt" | "set" | "cus";

export function newCheckoutId(prefix: CheckoutIdPrefix): string {
  return `${prefix}_${base32Body()}`;
}

/** Octopus payment tokens are short opaque strings (the docs show "zjsdhd3"); ours are longer to stay unguessable. */
export function newOctopusToken(): string {
  return base32Body(20);
}

/** Request ids look like the docs' "0HL80RJLS76I7": uppercase base32, 13 characters. */
export function newRequestId(): string {
  return base32Body(13).toUpperCase();
}
