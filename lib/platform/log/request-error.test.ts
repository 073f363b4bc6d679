import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureLogLines } from "./logger";
import { logRequestError } from "./request-error";

describe("logRequestError", () => {
  let capture: ReturnType<typeof captureLogLines>;
  beforeEach(() => (capture = captureLogLines()));
  afterEach(() => capture.stop());

  const context = { routerKind: "App Router", routePath: "/payments/[id]", routeType: "render" };

  it("logs the digest the user quotes, the request id and the path without its query", () => {
    const error = Object.assign(new Error("db down"), { digest: "1234567890" });
    logRequestError(
      error,
      { path: "/payments/abc?token=secret-value", method: "GET", headers: { "x-request-id": "req-render-0001" } },
      context,
    );

    expect(capture.lines()).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "request failed",
        digest: "1234567890",
        requestId: "req-render-0001",
        path: "/payments/abc",
        route: "/payments/[id]",
      }),
    ]);
    expect(JSON.stringify(capture.lines())).not.toContain("secret-value");
  });

  it("gives a request without a well-formed id a fresh one", () => {
    logRequestError(new Error("x"), { path: "/", method: "GET", headers: { "x-request-id": "a b" } }, context);
    expect(capture.lines()[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
