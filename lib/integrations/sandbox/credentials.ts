/**
 * The sandboxes' published test credentials (also in the README's Sandbox section). They are
 * not secrets: they only open the local simulators, which do not exist in live mode.
 */
export const sandboxCredentials = {
  checkout: {
    /** NAS sandbox format (sk_sbox_ + 27 base32 characters), so checkout-sdk-node sends "Bearer <key>". */
    secretKey: "sk_sbox_ilsiupcx3to6hcfg3qhjgamtvdm",
    processingChannelId: "pc_romtaijp4aifqvosemoob3xcio",
    /**
     * A second key of the same account, configured for two processing channels (the one above and
     * this one): requests made with it must name their channel, as on a real multi-channel account.
     */
    multiChannelSecretKey: "sk_sbox_q4wnkcxa7zrfm2yd6tbhvp3ju5e",
    secondProcessingChannelId: "pc_t3vkq7xnw2m4ybzrj6hfdc5pla",
    webhookSecret: "3f54d56fc0e53bf8438655147bcf9f1a",
  },
  octo: {
    shopId: 27061,
    secret: "027f85c1-4705-46c4-a2fd-dc6edd779fbb",
    /** The key notify callbacks are signed with (issued separately from octo_secret). */
    notifyKey: "cbc7b780-806a-4103-bf32-286c2f1e2b54",
  },
  octopusCards: {
    apiKey: "sbox_key_4fe2e01b17360c65dbd520a7925950c2",
    apiSecret: "sbox_secret_8a3e9367434d65b9dae17006cde24643e13d4f41",
    webhookSecret: "7eae42c95ddedc174b8d2ae3ef3a3fa6",
  },
} as const;
