import { describe, expect, it } from "vitest";
import { CheckoutError } from "./checkout/errors";
import { ProviderError } from "./errors";
import { OctoError } from "./octo/errors";
import { describeProviderFailure } from "./provider-failure";

describe("describeProviderFailure", () => {
  it("keeps what each provider's error says about itself, through the one ProviderError hierarchy", () => {
    const checkout = new CheckoutError({
      code: "validation",
      message: "refund payment: amount_invalid",
      httpStatus: 422,
      providerCodes: ["amount_invalid"],
      requestId: "req_1",
      outcome: "rejected",
    });
    expect(describeProviderFailure(checkout)).toEqual({
      outcome: "rejected",
      message: "refund payment: amount_invalid",
      detail: {
        provider: "checkout",
        code: "validation",
        httpStatus: 422,
        providerCodes: ["amount_invalid"],
        requestId: "req_1",
      },
    });
    expect(describeProviderFailure(new OctoError("OCTO refund error 7", { code: 7, outcome: "rejected" }))).toEqual({
      outcome: "rejected",
      message: "OCTO refund error 7",
      detail: { provider: "octo", code: 7 },
    });
    const other = new ProviderError("fakepay", { code: "E1", message: "no", outcome: "unknown", httpStatus: 503 });
    expect(describeProviderFailure(other).detail).toEqual({ provider: "fakepay", code: "E1", httpStatus: 503 });
  });

  it("treats anything that is not a provider's error as an unknown outcome: the request may have left", () => {
    expect(describeProviderFailure(new TypeError("socket hang up"))).toEqual({
      outcome: "unknown",
      message: "socket hang up",
      detail: {},
    });
  });
});
