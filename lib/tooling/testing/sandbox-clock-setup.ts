import { mountSandboxClock } from "@/lib/domain/refunds/provider-clock";
import { sandboxNow } from "@/lib/integrations/sandbox/testing";

/** Vitest setup of the integration project: tests mount the sandbox as the app does, clock included. */
mountSandboxClock(sandboxNow);
