import { describe, expect, it } from "vitest";
import { sandboxCredentials } from "@/lib/integrations/sandbox/testing";
import { sandboxProviderCredentials } from "./sandbox-credentials";

describe("the product's sandbox-mode credentials", () => {
  it("are the ones the sandbox publishes", () => {
    const { checkout, octo, octopusCards } = sandboxCredentials;
    expect(sandboxProviderCredentials).toEqual({
      checkout: {
        secretKey: checkout.secretKey,
        processingChannelId: checkout.processingChannelId,
        webhookSecret: checkout.webhookSecret,
      },
      octo,
      octopusCards,
    });
  });
});
