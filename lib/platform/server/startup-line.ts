import type { ServerReach } from "./reach";

export type DemoUserAccess = { allowed: true; because: string } | { allowed: false; because: string };

/**
 * Whether the demo users (published password) may sign in: SANDBOX_DEMO_USERS=1 says yes
 * anywhere; otherwise only a server nobody beyond this machine can reach.
 */
export function demoUserAccess(reach: ServerReach, optIn: boolean): DemoUserAccess {
  if (optIn) return { allowed: true, because: "SANDBOX_DEMO_USERS=1" };
  if (reach.kind === "localhost-only") return { allowed: true, because: "the server is reachable from localhost only" };
  return { allowed: false, because: `${reach.why}; set SANDBOX_DEMO_USERS=1 to enable` };
}

/** The one line start-up prints: which mode runs and what is open to whom. */
export function startupLine(
  facts:
    | { mode: "sandbox"; reach: ServerReach; controlToken: boolean; demoUsers: DemoUserAccess }
    | { mode: "live"; reach: ServerReach; appUrl: string; hsts: boolean },
): string {
  if (facts.mode === "live") {
    const hsts = facts.hsts ? "HSTS on" : "HSTS off (APP_URL is not https)";
    return `Live mode on ${facts.reach.bound} (APP_URL ${facts.appUrl}): real providers; no sandbox simulators, sandbox control or demo users; ${hsts}`;
  }
  const control = facts.controlToken
    ? "sandbox control needs an admin session or SANDBOX_CONTROL_TOKEN"
    : "sandbox control needs an admin session (SANDBOX_CONTROL_TOKEN unset: token access off)";
  const demo = facts.demoUsers.allowed
    ? `demo users enabled (${facts.demoUsers.because})`
    : `demo users disabled (${facts.demoUsers.because})`;
  return `Sandbox mode on ${facts.reach.bound}: provider simulators open; ${control}; ${demo}`;
}
