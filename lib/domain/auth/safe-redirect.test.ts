import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const origin = "http://localhost:3000";
const safe = (value: string | null) => safeRedirectPath(value, origin);

describe("safeRedirectPath", () => {
  it("keeps paths on our origin, with their query and fragment", () => {
    expect(safe("/payments")).toBe("/payments");
    expect(safe("/payments?status=captured#top")).toBe("/payments?status=captured#top");
    expect(safe("/refunds/%2F..%2Fx")).toBe("/refunds/%2F..%2Fx");
    expect(safe("http://localhost:3000/wallet")).toBe("/wallet");
  });

  it.each([
    ["a backslash after the slash", "/\\127.0.0.1:3999/x"],
    ["two backslashes", "\\\\evil.test/x"],
    ["a tab between the slashes", "/\t/evil.test/x"],
    ["a newline between the slashes", "/\n/evil.test"],
    ["a protocol-relative URL", "//evil.test/x"],
    ["three slashes", "///evil.test/x"],
    ["an absolute URL elsewhere", "https://evil.test/x"],
    ["our host on another port", "http://localhost:3999/x"],
    ["our host over another scheme", "https://localhost:3000/x"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: with a tab", "java\tscript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a dot segment that leaves two slashes", "/.//evil.test/x"],
    ["an encoded slash after the slash, decoded once by a proxy", decodeURIComponent("/%2F/evil.test")],
    ["userinfo trick", "http://localhost:3000@evil.test/"],
  ])("refuses %s", (_label, value) => {
    expect(safe(value)).toBe("/");
  });

  it("keeps an encoded slash encoded: the path stays on our origin", () => {
    expect(safe("/%2F/evil.test")).toBe("/%2F/evil.test");
    expect(safe("/%5C/evil.test")).toBe("/%5C/evil.test");
  });

  it("falls back for nothing, junk and the sign-in steps", () => {
    expect(safe(null)).toBe("/");
    expect(safe("")).toBe("/");
    expect(safe("/sign-in")).toBe("/");
    expect(safe("/sign-in/verify?callbackUrl=/x")).toBe("/");
    expect(safeRedirectPath("https://evil.test", origin, "/orders")).toBe("/orders");
  });
});
