export async function register(): Promise<void> {
  // Only the Node.js server prepares the database; the build and the edge runtime never do.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First, so requests are vouched for as early as possible (see the hook's comment).
  const { installPeerAddressHook } = await import("./lib/net/peer-address-hook");
  installPeerAddressHook();
  const { prepareApp } = await import("./lib/startup");
  await prepareApp();
}
