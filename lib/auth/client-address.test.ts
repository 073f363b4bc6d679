import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

const from = (headers: Record<string, string>) => clientAddressFrom((name) => headers[name]);

describe("clientAddressFrom", () => {
  it("takes the original client from x-forwarded-for", () => {
    expect(from({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).toBe("203.0.113.7");
  });
  it("falls back to x-real-ip, then to 'unknown'", () => {
    expect(from({ "x-real-ip": "198.51.100.2" })).toBe("198.51.100.2");
    expect(from({})).toBe("unknown");
  });
});
