import type { Role } from "./permissions";

/** Seeded in sandbox mode only, and listed in the README. Never created in live mode. */
export const demoPassword = "sandbox-demo-password";

/**
 * Each demo user comes enrolled with this authenticator-app secret (base32, listed in the
 * README), so a new user can add it to an app and scripts and tests can compute codes.
 * Sandbox mode only: live mode has no such thing.
 */
export const demoUsers: ReadonlyArray<{ email: string; name: string; role: Role; totpSecret: string }> = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", totpSecret: "3LCXDON4BKE3E4FJDFCYG2OMRCYTMQCE" },
  {
    email: "finance@demo.test",
    name: "Fiona Finance",
    role: "finance",
    totpSecret: "USCYSJQKMJBVU4SP4PWADFVTOUXY43AT",
  },
  {
    email: "finance2@demo.test",
    name: "Felix Finance",
    role: "finance",
    totpSecret: "AREKK7UFX2HGM53S22PSD4PK4FVPWTGJ",
  },
  { email: "ops@demo.test", name: "Omar Ops", role: "ops", totpSecret: "QILSZWX4I4VW5TULASIXSDAT3VGLQ7EA" },
  {
    email: "merchant@demo.test",
    name: "Mei Merchant",
    role: "merchant",
    totpSecret: "XQIHUMDCDJYSCGFMGCGLTXOKX2DW2KKN",
  },
];
