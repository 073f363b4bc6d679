/**
 * The test credentials our sandbox publishes, as a merchant copies a provider's test keys into
 * its configuration: the defaults for sandbox mode (lib/integrations/providers/config.ts). They are not
 * secrets: they open only the local simulators, which do not exist in live mode. The sandbox
 * keeps its own copy (lib/integrations/sandbox/credentials.ts); a test checks that the two agree.
 */
export const sandboxProviderCredentials = {
  checkout: {
    secretKey: "sk_sbox_ilsiupcx3to6hcfg3qhjgamtvdm",
    processingChannelId: "pc_romtaijp4aifqvosemoob3xcio",
    webhookSecret: "3f54d56fc0e53bf8438655147bcf9f1a",
  },
  octo: {
    shopId: 27061,
    secret: "027f85c1-4705-46c4-a2fd-dc6edd779fbb",
    notifyKey: "cbc7b780-806a-4103-bf32-286c2f1e2b54",
  },
  octopusCards: {
    apiKey: "sbox_key_4fe2e01b17360c65dbd520a7925950c2",
    apiSecret: "sbox_secret_8a3e9367434d65b9dae17006cde24643e13d4f41",
    webhookSecret: "7eae42c95ddedc174b8d2ae3ef3a3fa6",
  },
} as const;
