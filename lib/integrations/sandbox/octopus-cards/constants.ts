/** Fixed facts of the Octopus Cards simulator (all timings are sandbox time). */
export const provider = "octopus-cards" as const;

/** The one sandbox client the published credentials log in as (providers.md §3.3 example). */
export const sandboxClientId = 42;

export const accessTokenTtlMs = 3_600_000;
export const refreshTokenTtlMs = 7 * 86_400_000;

/** Voucher orders above this quantity are fulfilled asynchronously (providers.md §3.7). */
export const voucherSyncMaxQuantity = 5;

export const timings = {
  voucherAsyncMs: 2_000,
  topupMs: 5_000,
  failMs: 5_000,
  pendingMs: 10 * 60_000,
  esimPendingMs: 2 * 60_000,
  slowMs: 3 * 60_000,
  esimInstallMs: 3_600_000,
} as const;

/** [OURS] webhook retry schedule after the first attempt. */
export const webhookRetryDelaysMs = [1, 2, 4, 8, 16, 32].map((minutes) => minutes * 60_000);

export const webhookUserAgent = "octopusrewards.com/webhook-agent";
export const webhookConfigId = "whk_sandbox_42";

export const kinds = {
  client: "client",
  token: "token",
  wallet: "wallet",
  transaction: "transaction",
  counter: "counter",
  clientReference: "client_reference",
  voucherOrder: "voucher_order",
  topupOrder: "topup_order",
  esimOrder: "esim_order",
} as const;

export const clientGroup = `client:${sandboxClientId}`;
