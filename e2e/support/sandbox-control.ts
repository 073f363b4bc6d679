/**
 * The e2e server's SANDBOX_CONTROL_TOKEN (playwright.shared.config.ts passes it): specs send it
 * to /api/sandbox-control/…, which otherwise needs an admin session. A test-only value.
 */
export const e2eSandboxControlToken = "e2e-sandbox-control-token-0123456789abcdef";

export const sandboxControlHeaders = { authorization: `Bearer ${e2eSandboxControlToken}` };
