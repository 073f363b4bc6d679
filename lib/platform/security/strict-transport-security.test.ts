import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./strict-transport-security";

describe("Strict-Transport-Security", () => {
  it("is one year with subdomains in live mode on an https origin", () => {
    expect(strictTransportSecurity({ mode: "live", appUrl: "https://pay.example.com" })).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("is absent on http and in sandbox mode", () => {
    expect(strictTransportSecurity({ mode: "live", appUrl: "http://pay.example.com" })).toBeNull();
    expect(strictTransportSecurity({ mode: "sandbox", appUrl: "https://sandbox.example.com" })).toBeNull();
    expect(strictTransportSecurity({ mode: "sandbox", appUrl: "http://localhost:3000" })).toBeNull();
  });
});
