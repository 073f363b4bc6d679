import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { isLoopbackHost, listeningAddresses, serverReach } from "./reach";

const local = "http://localhost:3000";

describe("server reach (who may see the demo users)", () => {
  it("is localhost-only when every socket is on loopback and APP_URL is local", () => {
    expect(serverReach([{ address: "127.0.0.1", port: 3000 }], local)).toEqual({
      kind: "localhost-only",
      bound: "127.0.0.1:3000",
    });
    expect(serverReach([{ address: "::1", port: 3000 }], "http://127.0.0.1:3000").kind).toBe("localhost-only");
  });

  it("is beyond localhost on 0.0.0.0, ::, or a LAN address", () => {
    for (const address of ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "fe80::1"]) {
      expect(serverReach([{ address, port: 3000 }], local).kind, address).toBe("beyond-localhost");
    }
    expect(
      serverReach(
        [
          { address: "127.0.0.1", port: 3000 },
          { address: "0.0.0.0", port: 3001 },
        ],
        local,
      ).kind,
    ).toBe("beyond-localhost");
  });

  it("is beyond localhost behind a reverse proxy with a public APP_URL", () => {
    expect(serverReach([{ address: "127.0.0.1", port: 3000 }], "https://pay.example.com")).toMatchObject({
      kind: "beyond-localhost",
      why: expect.stringContaining("APP_URL"),
    });
  });

  it("fails closed when the bind address cannot be read", () => {
    expect(serverReach([], local).kind).toBe("beyond-localhost");
  });

  it("knows loopback names and addresses", () => {
    expect(
      ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1", "app.localhost"].every(
        isLoopbackHost,
      ),
    ).toBe(true);
    expect(["0.0.0.0", "::", "example.com", "localhost.example.com", "128.0.0.1"].some(isLoopbackHost)).toBe(false);
  });

  it("reads this process's real listening sockets", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      expect(listeningAddresses()).toContainEqual({ address: "127.0.0.1", port });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
