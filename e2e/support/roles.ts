export const demoPassword = "sandbox-demo-password";

export const roleUsers = {
  admin: "admin@demo.test",
  finance: "finance@demo.test",
  ops: "ops@demo.test",
  merchant: "merchant@demo.test",
} as const;

export type RoleName = keyof typeof roleUsers;
export const roleNames = Object.keys(roleUsers) as RoleName[];

export const storageStateOf = (role: RoleName) => `e2e/.auth/${role}.json`;

/**
 * Users signed in once besides one per role (not roles: the RBAC spec iterates roleNames).
 * finance2 is the second finance user, the checker who approves what finance@ requested.
 */
export const extraUsers = { finance2: "finance2@demo.test" } as const;
export type ExtraUserName = keyof typeof extraUsers;
export const storageStateOfUser = (name: ExtraUserName) => `e2e/.auth/${name}.json`;

/**
 * The demo users' authenticator secrets (base32, as in lib/domain/auth/demo-users.ts and the README):
 * tests compute the sign-in code from them.
 */
export const demoTotpSecrets: Readonly<Record<string, string>> = {
  "admin@demo.test": "3LCXDON4BKE3E4FJDFCYG2OMRCYTMQCE",
  "finance@demo.test": "USCYSJQKMJBVU4SP4PWADFVTOUXY43AT",
  "finance2@demo.test": "AREKK7UFX2HGM53S22PSD4PK4FVPWTGJ",
  "ops@demo.test": "QILSZWX4I4VW5TULASIXSDAT3VGLQ7EA",
  "merchant@demo.test": "XQIHUMDCDJYSCGFMGCGLTXOKX2DW2KKN",
};
