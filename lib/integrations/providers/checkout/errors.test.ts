import { describe, expect, it } from "vitest";
import { CheckoutError, ProviderError, toCheckoutError } from "./errors";

const sdkError = (name: string, http_code?: number, body?: unknown) =>
  Object.assign(new Error(name), { name, http_code, body });

describe("toCheckoutError", () => {
  it.each([
    [401, "unauthorized", "rejected"],
    [403, "action_not_allowed", "rejected"],
    [404, "not_found", "rejected"],
    [409, "conflict", "unknown"],
    [422, "validation", "rejected"],
    [429, "rate_limited", "unknown"],
    [500, "server_error", "unknown"],
    [502, "server_error", "unknown"],
    [503, "server_error", "unknown"],
  ] as const)("HTTP %i → %s (%s)", (status, code, outcome) => {
    const error = toCheckoutError(sdkError("X", status, {}), "op");
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: "checkout", code, outcome, httpStatus: status });
  });

  it("keeps error_codes, the request id and the cause", () => {
    const cause = sdkError("ValidationError", 422, {
      request_id: "0HL80RJLS76I7",
      error_type: "request_invalid",
      error_codes: ["amount_invalid"],
    });
    const error = toCheckoutError(cause, "refund payment");
    expect(error).toMatchObject({ providerCodes: ["amount_invalid"], requestId: "0HL80RJLS76I7" });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe("refund payment: amount_invalid");
  });

  it("treats timeouts and failed connections as unknown, local SDK refusals as rejected", () => {
    expect(toCheckoutError(sdkError("ApiTimeout", 408), "op")).toMatchObject({
      code: "timeout",
      outcome: "unknown",
      httpStatus: null,
    });
    expect(toCheckoutError(sdkError("API Error", undefined, "request failed"), "op")).toMatchObject({
      code: "network",
      outcome: "unknown",
    });
    expect(toCheckoutError(sdkError("ValueError"), "op")).toMatchObject({
      code: "invalid_request",
      outcome: "rejected",
    });
  });
});
