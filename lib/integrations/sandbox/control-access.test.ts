import { describe, expect, it } from "vitest";
import { controlTokenAccess, sameSecret } from "./control-access";

const token = "t".repeat(40);
const withAuth = (value?: string) =>
  new Request("http://localhost/api/sandbox-control/clock", {
    headers: value === undefined ? {} : { authorization: value },
  });

describe("sandbox control token", () => {
  it("opens the control surface only for the configured bearer token", () => {
    expect(controlTokenAccess(withAuth(`Bearer ${token}`), token)).toBe("token");
    expect(controlTokenAccess(withAuth(`bearer ${token}`), token)).toBe("token");
  });

  it("refuses a wrong, truncated or differently-typed credential", () => {
    expect(controlTokenAccess(withAuth(`Bearer ${token.slice(1)}`), token)).toBe("refused");
    expect(controlTokenAccess(withAuth(`Bearer ${token}x`), token)).toBe("refused");
    expect(controlTokenAccess(withAuth(`Basic ${token}`), token)).toBe("refused");
    expect(controlTokenAccess(withAuth("Bearer "), token)).toBe("refused");
  });

  it("refuses every token when none is configured (token access off)", () => {
    expect(controlTokenAccess(withAuth(`Bearer ${token}`), undefined)).toBe("refused");
    expect(controlTokenAccess(withAuth("Bearer "), "")).toBe("refused");
  });

  it("leaves a request without Authorization to the session check", () => {
    expect(controlTokenAccess(withAuth(), token)).toBe("absent");
  });

  it("compares secrets of any lengths without throwing", () => {
    expect(sameSecret("a", "a")).toBe(true);
    expect(sameSecret("a", "ab")).toBe(false);
  });
});
