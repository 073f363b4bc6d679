import { z } from "zod";
import { OctopusCardsError } from "./errors";
import type { TokenManager } from "./token-manager";
import { call, pageInfo, unwrap, validate, type CallSpec, type RawResult, type TransportOptions } from "./transport";
import type { Page } from "./types";

/** Authenticated calls with one refresh-and-retry on 401, plus validate-then-map helpers. */
export interface Api {
  send(spec: Omit<CallSpec, "accessToken">): Promise<RawResult>;
  one<S extends z.ZodType, T>(spec: Omit<CallSpec, "accessToken">, schema: S, map: (wire: z.infer<S>) => T): Promise<T>;
  list<S extends z.ZodType, T>(
    spec: Omit<CallSpec, "accessToken">,
    schema: S,
    map: (wire: z.infer<S>) => T,
  ): Promise<Page<T>>;
}

/** Mapping failures (e.g. an amount finer than its currency allows) are unreadable answers too. */
function mapped<T>(status: number, map: () => T): T {
  try {
    return map();
  } catch (cause) {
    if (cause instanceof OctopusCardsError) throw cause;
    throw new OctopusCardsError({
      httpStatus: status,
      name: "InvalidResponseError",
      code: "INVALID_RESPONSE",
      message: `Could not read the Octopus Cards response: ${cause instanceof Error ? cause.message : String(cause)}`,
      outcome: "unknown",
      cause,
    });
  }
}

export function createApi(transport: TransportOptions, tokens: TokenManager): Api {
  async function send(spec: Omit<CallSpec, "accessToken">): Promise<RawResult> {
    const accessToken = await tokens.accessToken();
    try {
      return await call(transport, { ...spec, accessToken });
    } catch (error) {
      if (!(error instanceof OctopusCardsError && error.httpStatus === 401)) throw error;
      tokens.invalidate(accessToken);
      return call(transport, { ...spec, accessToken: await tokens.accessToken() });
    }
  }
  return {
    send,
    async one(spec, schema, map) {
      const result = await send(spec);
      const wire = validate(schema, unwrap(result.json), result.status);
      return mapped(result.status, () => map(wire));
    },
    async list(spec, schema, map) {
      const result = await send(spec);
      const items = validate(z.array(schema), unwrap(result.json), result.status);
      return { items: mapped(result.status, () => items.map((item) => map(item))), page: pageInfo(result.headers) };
    },
  };
}
