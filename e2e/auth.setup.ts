import { test as setup } from "@playwright/test";
import { demoPassword, roleNames, roleUsers, storageStateOf } from "./support/roles";
import { expectSignedIn, signInAs } from "./support/sign-in";

for (const role of roleNames) {
  setup(`sign in once as ${role}`, async ({ page }) => {
    await signInAs(page, roleUsers[role], demoPassword);
    await expectSignedIn(page, roleUsers[role]);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
