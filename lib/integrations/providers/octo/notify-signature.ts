import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Signatures of OCTO notify callbacks (providers.md §2.7). The recipe is not byte-precisely
 * documented, so the strategy is pluggable; whatever the strategy says, re-check the payment
 * status (prepare_payment with shop_transaction_id) before fulfilling anything.
 */
export interface OctoSignedFields {
  octoPaymentUuid: string;
  status: string;
  hashKey: string;
}

export interface OctoSignatureStrategy {
  name: string;
  /** The expected signature as uppercase hex, from the callback's fields and the shop's key. */
  sign(fields: OctoSignedFields, key: string): string;
}

const sha1Hex = (text: string) => createHash("sha1").update(text, "utf8").digest("hex");

/** [OURS, default] UPPER(HEX(SHA1(utf8(notifyKey + octo_payment_UUID + status)))); hash_key is unused. */
export const uniqueKeySignature: OctoSignatureStrategy = {
  name: "sha1(unique_key + uuid + status)",
  sign: (fields, notifyKey) => sha1Hex(notifyKey + fields.octoPaymentUuid + fields.status).toUpperCase(),
};

/** The old doc's recipe, sha1(sha1(secret + hash_key) + uuid + status), with the inner digest as lowercase hex. */
export const hashKeySignature: OctoSignatureStrategy = {
  name: "sha1(sha1(secret + hash_key) + uuid + status)",
  sign: (fields, secret) =>
    sha1Hex(sha1Hex(secret + fields.hashKey) + fields.octoPaymentUuid + fields.status).toUpperCase(),
};

export function signOctoNotification(
  fields: OctoSignedFields,
  key: string,
  strategy: OctoSignatureStrategy = uniqueKeySignature,
): string {
  return strategy.sign(fields, key);
}

const signedBodySchema = z.object({
  octo_payment_UUID: z.string().min(1),
  status: z.string().min(1),
  signature: z.string().min(1),
  hash_key: z.string().default(""),
});

/** True when the parsed callback body carries a valid signature; compares hex case-insensitively in constant time. */
export function verifyOctoNotification(
  body: unknown,
  key: string,
  strategy: OctoSignatureStrategy = uniqueKeySignature,
): boolean {
  const parsed = signedBodySchema.safeParse(body);
  if (!parsed.success) return false;
  const { octo_payment_UUID: octoPaymentUuid, status, hash_key: hashKey, signature } = parsed.data;
  const expected = Buffer.from(strategy.sign({ octoPaymentUuid, status, hashKey }, key), "utf8");
  const received = Buffer.from(signature.toUpperCase(), "utf8");
  return expected.length === received.length && timingSafeEqual(expected, received);
}
