import { test as setup } from "@playwright/test";
import {
  demoPassword,
  extraUsers,
  roleNames,
  roleUsers,
  storageStateOf,
  storageStateOfUser,
  type ExtraUserName,
} from "./support/roles";
import { expectSignedIn, signInAs } from "./support/sign-in";

for (const role of roleNames) {
  setup(`sign in once as ${role}`, async ({ page }) => {
    await signInAs(page, roleUsers[role], demoPassword);
    await expectSignedIn(page, roleUsers[role]);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}

for (const name of Object.keys(extraUsers) as ExtraUserName[]) {
  setup(`sign in once as ${name}`, async ({ page }) => {
    await signInAs(page, extraUsers[name], demoPassword);
    await expectSignedIn(page, extraUsers[name]);
    await page.context().storageState({ path: storageStateOfUser(name) });
  });
}
