export { createOctoClient, type OctoClient, type OctoClientOptions } from "./client";
export { octoCurrencies, isOctoCurrency, toOctoAmount, fromOctoAmount, type OctoCurrency } from "./amounts";
export { OctoError, octoErrorCodes, type OctoOutcome } from "./errors";
export { signOctoNotification, verifyOctoNotification, uniqueKeySignature, hashKeySignature, type OctoSignatureStrategy } from "./notify-signature";
export { checkOctoRefund, octoMinimumRefundMinor, octoMaxRefundMinor, octoSandboxMinorPerUsd, octoMaxRefundUzsMinor, type OctoRefundViolation } from "./refund-rules";
export { octoNotificationSchema, type OctoNotification } from "./schemas";
export type * from "./types";
