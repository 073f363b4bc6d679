import { timingSafeEqual } from "node:crypto";
import { sandboxCredentials } from "../credentials";
import type { SandboxRequest } from "../core/types";

const { secretKey, multiChannelSecretKey, processingChannelId, secondProcessingChannelId } =
  sandboxCredentials.checkout;

/**
 * The account's secret keys and the processing channels each is configured for. A key bound to
 * one channel lets a request leave processing_channel_id out (the seed's own request does);
 * a key with several needs it named. [3P chargebee, providers.md §1]
 */
const keys: ReadonlyArray<{ authorization: Buffer; channels: readonly string[] }> = [
  { authorization: Buffer.from(`Bearer ${secretKey}`), channels: [processingChannelId] },
  {
    authorization: Buffer.from(`Bearer ${multiChannelSecretKey}`),
    channels: [processingChannelId, secondProcessingChannelId],
  },
];

/** The channels of the key the request carries, or null when it carries no key of this account. */
export function channelsOfRequestKey(request: SandboxRequest): readonly string[] | null {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  let found: readonly string[] | null = null;
  // Every key is compared (no early return), so the time taken does not say which one matched.
  for (const key of keys) {
    if (given.length === key.authorization.length && timingSafeEqual(given, key.authorization)) found = key.channels;
  }
  return found;
}

/** The channel a request without processing_channel_id goes to: the key's only one, or none. */
export const defaultChannelOf = (request: SandboxRequest): string | undefined => {
  const channels = channelsOfRequestKey(request);
  return channels?.length === 1 ? channels[0] : undefined;
};
