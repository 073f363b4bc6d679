import { describe, expect, it } from "vitest";
import { paymentStatuses } from "@/drizzle/schema/payments";
import { customerPaysLinks } from "./customer-pays";

const landingUrl = "https://web-test.online.octopus.com.hk/oos/payment/?token=zjsdhd3";
const octopusUri = "octopus://payment?token=zjsdhd3";

describe("customer-pays links", () => {
  it("are offered only while the payment waits for the customer", () => {
    const offered = paymentStatuses.filter((status) => customerPaysLinks({ status, landingUrl, octopusUri }) !== null);
    expect(offered).toEqual(["requested", "pending"]);
    expect(customerPaysLinks({ status: "pending", landingUrl, octopusUri })).toEqual({ landingUrl, octopusUri });
  });

  it("need at least one of the two links", () => {
    expect(customerPaysLinks({ status: "pending", landingUrl: null, octopusUri: null })).toBeNull();
    expect(customerPaysLinks({ status: "pending", landingUrl, octopusUri: null })).toEqual({
      landingUrl,
      octopusUri: null,
    });
    expect(customerPaysLinks({ status: "requested", landingUrl: null, octopusUri })).toEqual({
      landingUrl: null,
      octopusUri,
    });
  });

  it("drop values with the wrong scheme instead of rendering them as links", () => {
    expect(
      customerPaysLinks({
        status: "pending",
        landingUrl: "javascript:alert(1)",
        octopusUri: "https://not-an-app-link",
      }),
    ).toBeNull();
    expect(customerPaysLinks({ status: "pending", landingUrl: "not a url", octopusUri })).toEqual({
      landingUrl: null,
      octopusUri,
    });
    expect(
      customerPaysLinks({
        status: "pending",
        landingUrl: "http://localhost:3000/api/sandbox/checkout/landing/x",
        octopusUri: "JAVASCRIPT:x",
      }),
    ).toEqual({
      landingUrl: "http://localhost:3000/api/sandbox/checkout/landing/x",
      octopusUri: null,
    });
  });
});
