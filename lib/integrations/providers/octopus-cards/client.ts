import type { OctopusCardsConfig } from "@/lib/integrations/providers/config";
import { createApi } from "./api";
import { esimApi } from "./esim-api";
import { TokenManager } from "./token-manager";
import { topupsApi } from "./topups-api";
import type { OrderOf, Vertical } from "./types";
import { vouchersApi } from "./vouchers-api";
import { walletsApi } from "./wallets-api";

export interface OctopusCardsClientOptions {
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The clock token expiry is judged by (tests move it together with the sandbox clock). */
  now?: () => Date;
}

/**
 * Typed Octopus Cards API client (providers.md §3). Tokens stay inside; amounts cross this
 * boundary as bigint minor units + currency; every answer is zod-validated; failures are
 * OctopusCardsError with an outcome.
 */
export function createOctopusCardsClient(config: OctopusCardsConfig, options: OctopusCardsClientOptions = {}) {
  const transport = { baseUrl: config.baseUrl, fetch: options.fetch ?? fetch, timeoutMs: options.timeoutMs ?? 30_000 };
  const tokens = new TokenManager(
    transport,
    { apiKey: config.apiKey, apiSecret: config.apiSecret },
    options.now ?? (() => new Date()),
  );
  const api = createApi(transport, tokens);
  const vouchers = vouchersApi(api);
  const topups = topupsApi(api);
  const esim = esimApi(api);

  /** After an "unknown" outcome: the order with this client_reference, or null if it was never created. */
  async function findOrderByClientReference<V extends Vertical>(
    vertical: V,
    clientReference: string,
  ): Promise<OrderOf<V> | null> {
    const page =
      vertical === "vouchers"
        ? await vouchers.listVoucherOrders({ clientReference })
        : vertical === "topups"
          ? await topups.listTopupOrders({ clientReference })
          : await esim.listEsimOrders({ clientReference });
    const [order] = page.items.filter((o) => o.clientReference === clientReference);
    return (order as OrderOf<V> | undefined) ?? null;
  }

  return {
    ...vouchers,
    ...topups,
    ...esim,
    ...walletsApi(api),
    findOrderByClientReference,
    /** Revokes every token of this API client at the provider. */
    logout: () => tokens.logout(),
  };
}

export type OctopusCardsClient = ReturnType<typeof createOctopusCardsClient>;
