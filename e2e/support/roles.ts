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
