import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("needs nothing in sandbox mode", () => {
    const env = parseEnv({});
    expect(env.PROVIDER_MODE).toBe("sandbox");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.SESSION_ABSOLUTE_HOURS).toBe(12);
    expect(env.SIGNIN_MAX_FAILURES).toBe(5);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PROVIDER_MODE: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and the rule when a value is bad", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
    expect(() => parseEnv({ PROVIDER_MODE: "prod" })).toThrow(/PROVIDER_MODE/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: "soon" })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it("requires every provider credential and a real secret in live mode", () => {
    let message = "";
    try {
      parseEnv({ PROVIDER_MODE: "live" });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of ["AUTH_SECRET", "APP_URL", "CHECKOUT_SECRET_KEY", "OCTO_SECRET", "OCTOPUS_CARDS_API_SECRET"]) {
      expect(message).toContain(`${key}: is required when PROVIDER_MODE=live`);
    }
  });
});

describe("TRUSTED_PROXIES", () => {
  it("defaults to trusting no proxy and names the variable when an entry is bad", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual({ kind: "none" });
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toEqual({ kind: "hops", count: 1 });
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, nginx" })).toThrow(
      /TRUSTED_PROXIES: "nginx" is not an IP address or CIDR range/,
    );
  });
});
