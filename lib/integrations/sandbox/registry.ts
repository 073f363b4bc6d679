import { checkoutSandbox } from "./checkout";
import type { SandboxProviderName } from "./core/provider-names";
import type { SandboxProvider } from "./core/types";
import { octoSandbox } from "./octo";
import { octopusCardsSandbox } from "./octopus-cards";

export const sandboxProviders: Record<SandboxProviderName, SandboxProvider> = {
  checkout: checkoutSandbox,
  octo: octoSandbox,
  "octopus-cards": octopusCardsSandbox,
};
