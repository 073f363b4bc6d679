export async function register(): Promise<void> {
  // Only the Node.js server prepares the database; the build and the edge runtime never do.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First, so requests are vouched for as early as possible (see the hook's comment).
  const { installPeerAddressHook } = await import("./lib/platform/net/peer-address-hook");
  installPeerAddressHook();
  const { prepareApp } = await import("./lib/startup");
  await prepareApp();
}

/** Next.js calls this for every server error nothing handled; the error boundary shows its digest to the user. */
export async function onRequestError(
  ...args: Parameters<typeof import("./lib/platform/log/request-error").logRequestError>
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/platform/log/request-error");
  logRequestError(...args);
}
