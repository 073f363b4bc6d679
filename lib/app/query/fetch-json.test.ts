import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchJson, HttpError, isRefusal } from "./fetch-json";

describe("fetchJson", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const send = (status: number, body: string) =>
        response.writeHead(status, { "content-type": "application/json" }).end(body);
      if (request.url === "/ok") send(200, JSON.stringify({ status: "captured" }));
      else if (request.url === "/forbidden")
        send(403, JSON.stringify({ error: { message: "Your role cannot see payments." } }));
      else send(502, "<html>bad gateway</html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("returns the parsed body of a 2xx answer", async () => {
    await expect(
      fetchJson<{ status: string }>(`${base}/ok`, new AbortController().signal, "Could not load"),
    ).resolves.toEqual({ status: "captured" });
  });

  it("keeps the status and the handler's own message, and treats 403 as a refusal not worth retrying", async () => {
    const error = await fetchJson(`${base}/forbidden`, new AbortController().signal, "Could not load").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 403, message: "Your role cannot see payments." });
    expect(isRefusal(error)).toBe(true);
  });

  it("falls back to the caller's message when the body is not ours, and a 502 is worth retrying", async () => {
    const error = await fetchJson(`${base}/other`, new AbortController().signal, "Could not load").catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 502, message: "Could not load (HTTP 502)." });
    expect(isRefusal(error)).toBe(false);
    expect(isRefusal(new Error("network down"))).toBe(false);
  });
});
