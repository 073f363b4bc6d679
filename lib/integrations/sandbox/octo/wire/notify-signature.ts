import { createHash } from "node:crypto";

/**
 * [OURS, providers.md §2.7 "Our contract"] The simulator signs notify callbacks as
 * UPPER(HEX(SHA1(utf8(unique_key + octo_payment_UUID + status)))), with the shop's notify
 * (unique) key issued apart from octo_secret; hash_key is sent but not part of this recipe.
 */
export function octoNotifySignature(uniqueKey: string, octoPaymentUuid: string, status: string): string {
  return createHash("sha1")
    .update(uniqueKey + octoPaymentUuid + status, "utf8")
    .digest("hex")
    .toUpperCase();
}
