export const sandboxProviderNames = ["checkout", "octo", "octopus-cards"] as const;
export type SandboxProviderName = (typeof sandboxProviderNames)[number];

export function isSandboxProviderName(value: string): value is SandboxProviderName {
  return (sandboxProviderNames as readonly string[]).includes(value);
}
