import { describe, expect, it } from "vitest";
import { serverReach } from "./reach";
import { demoUserAccess, startupLine } from "./startup-line";

const local = serverReach([{ address: "127.0.0.1", port: 3000 }], "http://localhost:3000");
const open = serverReach([{ address: "0.0.0.0", port: 3000 }], "http://localhost:3000");

describe("start-up line", () => {
  it("says what a sandbox on every interface opens, and why the demo users are off", () => {
    expect(
      startupLine({ mode: "sandbox", reach: open, controlToken: true, demoUsers: demoUserAccess(open, false) }),
    ).toBe(
      "Sandbox mode on 0.0.0.0:3000: provider simulators open; sandbox control needs an admin session or SANDBOX_CONTROL_TOKEN; " +
        "demo users disabled (the server listens on 0.0.0.0, reachable beyond localhost; set SANDBOX_DEMO_USERS=1 to enable)",
    );
  });

  it("keeps the demo users on localhost or when opted in", () => {
    expect(demoUserAccess(local, false)).toEqual({
      allowed: true,
      because: "the server is reachable from localhost only",
    });
    expect(demoUserAccess(open, true)).toEqual({ allowed: true, because: "SANDBOX_DEMO_USERS=1" });
    expect(
      startupLine({ mode: "sandbox", reach: local, controlToken: false, demoUsers: demoUserAccess(local, false) }),
    ).toBe(
      "Sandbox mode on 127.0.0.1:3000: provider simulators open; sandbox control needs an admin session (SANDBOX_CONTROL_TOKEN unset: token access off); " +
        "demo users enabled (the server is reachable from localhost only)",
    );
  });

  it("prints its own line in live mode", () => {
    expect(startupLine({ mode: "live", reach: open, appUrl: "https://pay.example.com", hsts: true })).toBe(
      "Live mode on 0.0.0.0:3000 (APP_URL https://pay.example.com): real providers; no sandbox simulators, sandbox control or demo users; HSTS on",
    );
  });
});
