export { createOctopusCardsClient, type OctopusCardsClient, type OctopusCardsClientOptions } from "./client";
export { isDuplicateClientReference, isInsufficientBalance, isOctopusCardsError, OctopusCardsError, type OctopusCardsOutcome } from "./errors";
export type * from "./types";
export { signOctopusCardsWebhook, verifyOctopusCardsWebhook } from "./webhook-signature";
