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
