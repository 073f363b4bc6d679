import { expect, test } from "@playwright/test";
import { pageAccess } from "./support/page-access";
import { roleNames, storageStateOf } from "./support/roles";
import { actionMatrix, signInStepActions } from "./support/action-matrix";
import { allRouteHandlers, expectedStatusFor, protectedRouteCalls, routeMatrix } from "./support/route-matrix";
import { allServerActions, callServerAction } from "./support/server-actions";
import { signInAs, expectSignedIn } from "./support/sign-in";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { freshenSession, staleSessionPage } from "./support/step-up";

test("[RBAC] every server action in the build has an entry in the action matrix", () => {
  expect(allServerActions()).toEqual([...actionMatrix, ...signInStepActions].map((a) => `${a.file}#${a.name}`).sort());
});

test("[RBAC] every route handler in the build has an entry in the route matrix", () => {
  expect(allRouteHandlers()).toEqual(routeMatrix.map((r) => r.route).sort());
});

test.describe("[RBAC] anonymous", () => {
  test("every protected route handler answers 401, every method", async ({ request }) => {
    for (const call of protectedRouteCalls) {
      expect((await request.fetch(call.url, { method: call.method })).status(), `${call.method} ${call.url}`).toBe(401);
    }
  });

  test("the public route handlers answer without a session (and the webhooks want their signature)", async ({
    request,
  }) => {
    expect((await request.get("/api/health")).status()).toBe(200);
    expect((await request.get("/api/auth/csrf")).status()).toBe(200);
    expect((await request.get("/icon.svg")).status()).toBe(200);
    for (const provider of ["checkout", "octopus-cards"])
      expect((await request.post(`/api/webhooks/${provider}`, { data: "{}" })).status()).toBe(401);
    expect(
      (await request.post("/api/webhooks/octo", { data: { octo_payment_UUID: "x", status: "succeeded" } })).status(),
    ).toBe(401);
  });

  test("pages redirect to sign-in and route handlers answer 401", async ({ page, request }) => {
    for (const path of Object.keys(pageAccess)) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/);
    }
    expect((await request.get("/api/audit")).status()).toBe(401);
    expect((await request.get("/api/me")).status()).toBe(401);
  });

  test("every direct server action call is refused", async ({ request, baseURL }) => {
    for (const action of actionMatrix) {
      const result = await callServerAction(request, baseURL!, action, action.input());
      expect(result.body, action.name).toContain('"code":"UNAUTHENTICATED"');
      expect(result.body).not.toContain('"ok":true');
    }
  });

  test("the second-factor steps want a pending sign-in; the password step refuses wrong credentials", async ({
    request,
    baseURL,
  }) => {
    for (const action of signInStepActions) {
      const result = await callServerAction(request, baseURL!, action, action.input());
      expect(result.body, action.name).toContain('"code":"UNAUTHENTICATED"');
      expect(result.body).toContain(
        action.access === "public" ? "Email or password is incorrect." : "This sign-in has ended. Sign in again.",
      );
      expect(result.body).not.toContain('"ok":true');
    }
  });
});

for (const role of roleNames) {
  test.describe(`[RBAC] ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("opens exactly the pages the role allows (403 otherwise)", async ({ page }) => {
      for (const [path, allowed] of Object.entries(pageAccess)) {
        const response = await page.goto(path);
        expect(response?.status(), `${role} → ${path}`).toBe(allowed.includes(role) ? 200 : 403);
        if (!allowed.includes(role))
          await expect(page.getByRole("heading", { name: "403: not allowed" })).toBeVisible();
      }
    });

    test("route handlers check the permission themselves", async ({ page }) => {
      const audit = await page.request.get("/api/audit");
      expect(audit.status()).toBe(role === "admin" ? 200 : 403);
      const me = await page.request.get("/api/me");
      expect(me.status()).toBe(200);
      expect(((await me.json()) as { role: string }).role).toBe(role);
    });

    test("every protected route handler answers per the route matrix", async ({ page }) => {
      for (const call of protectedRouteCalls) {
        const response = await page.request.fetch(call.url, { method: call.method });
        const expected = expectedStatusFor(call, role);
        // The shared session may be fresh or stale; the step-up dimension is pinned down below.
        if (call.stepUp && expected !== 403 && response.status() === 403) {
          expect(await response.text(), `${role} → ${call.method} ${call.url}`).toContain('"code":"STEP_UP_REQUIRED"');
          continue;
        }
        expect(response.status(), `${role} → ${call.method} ${call.url}`).toBe(expected);
      }
    });

    test("every server action refuses a direct call the role is not allowed, and changes nothing", async ({
      page,
      baseURL,
      browser,
    }) => {
      for (const action of actionMatrix.filter((a) => !a.allowed.includes(role))) {
        const input = action.input();
        const result = await callServerAction(page.request, baseURL!, action, input);
        expect(result.body, `${role} → ${action.name}`).toContain('"code":"FORBIDDEN"');
        if (action.name === "createUserAction") {
          const adminContext = await browser.newContext({ storageState: storageStateOf("admin") });
          const adminPage = await adminContext.newPage();
          await adminPage.goto("/users");
          await expect(adminPage.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
          await expect(adminPage.getByText(input.email as string)).toHaveCount(0);
          await adminContext.close();
        }
      }
    });
  });
}

test.describe("[RBAC] a password-only session of a user whose role requires a second factor", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("is refused by every page, route handler and server action", async ({ page, browser, baseURL }) => {
    const user = {
      email: `pending-matrix-${Date.now()}@example.test`,
      name: "Pending Matrix",
      role: "admin",
      password: "sable window quartz 4217",
    };
    await freshenSession(page.request, baseURL!, "admin");
    const created = await callServerAction(
      page.request,
      baseURL!,
      { file: "lib/app/actions/users/create-user.ts", name: "createUserAction" },
      user,
    );
    expect(created.body).toContain('"ok":true');

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    await signInAs(other, user.email, user.password, { enrol: false });
    await expect(other).toHaveURL(/\/sign-in\/enrol/);
    for (const call of protectedRouteCalls) {
      expect(
        (await other.request.fetch(call.url, { method: call.method })).status(),
        `${call.method} ${call.url}`,
      ).toBe(401);
    }
    for (const action of actionMatrix) {
      const result = await callServerAction(other.request, baseURL!, action, action.input());
      expect(result.body, action.name).toContain('"code":"UNAUTHENTICATED"');
    }
    for (const path of Object.keys(pageAccess)) {
      await other.goto(path);
      await expect(other, path).toHaveURL(/\/sign-in\/enrol$/);
    }
    await context.close();
  });
});

test.describe("[RBAC] a disabled user", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("loses every page, route handler and server action on the next request", async ({ page, browser, baseURL }) => {
    // An admin, so before being disabled the user was allowed everything.
    const user = {
      email: `disabled-matrix-${Date.now()}@example.test`,
      name: "Disabled Matrix",
      role: "admin",
      password: "switched off by the matrix",
    };
    await freshenSession(page.request, baseURL!, "admin");
    const created = await callServerAction(
      page.request,
      baseURL!,
      { file: "lib/app/actions/users/create-user.ts", name: "createUserAction" },
      user,
    );
    const userId = /"data":\{"id":"([0-9a-f-]{36})"\}/.exec(created.body)?.[1];
    expect(userId, created.body).toBeTruthy();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    await signInAs(other, user.email, user.password);
    await expectSignedIn(other, user.email);
    expect((await other.request.get("/api/audit")).status()).toBe(200);

    const disabled = await callServerAction(
      page.request,
      baseURL!,
      { file: "lib/app/actions/users/set-user-disabled.ts", name: "setUserDisabledAction" },
      { userId: userId!, disabled: "true" },
    );
    expect(disabled.body).toContain("disabled and signed out");

    for (const call of protectedRouteCalls) {
      expect(
        (await other.request.fetch(call.url, { method: call.method })).status(),
        `${call.method} ${call.url}`,
      ).toBe(401);
    }
    for (const action of actionMatrix) {
      const result = await callServerAction(other.request, baseURL!, action, action.input());
      expect(result.body, action.name).toContain('"code":"UNAUTHENTICATED"');
      expect(result.body).not.toContain('"ok":true');
    }
    for (const path of Object.keys(pageAccess)) {
      await other.goto(path);
      await expect(other).toHaveURL(/\/sign-in/);
    }
    await context.close();
  });
});

test.describe("[RBAC] step-up", () => {
  test("every guarded action and export refuses a stale session with STEP_UP_REQUIRED, changing nothing, and lets a fresh one through", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    // Admin is allowed every guarded action; its own session, signed in with the password only, is stale.
    const { context, page } = await staleSessionPage(browser, "admin");
    const bigPaymentUrl = await capturedOctopusPayment(page, `E2E-RBAC-SU-${Date.now().toString(36)}`, "10020.00");
    const bigPaymentId = bigPaymentUrl.split("/").pop()!;
    const inputOf = (action: (typeof actionMatrix)[number]) =>
      action.stepUp === "above-threshold"
        ? {
            paymentId: bigPaymentId,
            kind: "partial",
            amount: "10010.00",
            reason: "customer_request",
            idempotencyKey: crypto.randomUUID(),
          }
        : action.input();
    const guarded = actionMatrix.filter((a) => a.stepUp);
    expect(guarded.length).toBeGreaterThan(10);
    const exports = protectedRouteCalls.filter((r) => r.stepUp);

    for (const action of guarded) {
      const input = inputOf(action);
      const result = await callServerAction(page.request, baseURL!, action, input);
      expect(result.body, `stale → ${action.name}`).toContain('"code":"STEP_UP_REQUIRED"');
      expect(result.body).not.toContain('"ok":true');
      if (action.name === "createUserAction") {
        await page.goto("/users");
        await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
        await expect(page.getByText(input.email as string)).toHaveCount(0);
      }
    }
    await page.goto(bigPaymentUrl);
    await expect(page.getByTestId("refund")).toHaveCount(0);
    for (const call of exports) {
      const response = await page.request.fetch(call.url, { method: call.method });
      expect(response.status(), `stale → ${call.url}`).toBe(403);
      expect(await response.text()).toContain('"code":"STEP_UP_REQUIRED"');
    }
    // Below the threshold (here: an unknown payment) a refund needs no step-up: the service answers.
    const small = actionMatrix.find((a) => a.stepUp === "above-threshold")!;
    expect((await callServerAction(page.request, baseURL!, small, small.input())).body).toContain('"code":"NOT_FOUND"');

    await freshenSession(page.request, baseURL!, "admin");
    for (const action of guarded) {
      const result = await callServerAction(page.request, baseURL!, action, inputOf(action));
      expect(result.body, `fresh → ${action.name}`).not.toContain("STEP_UP_REQUIRED");
      expect(result.body, `fresh → ${action.name}`).toMatch(/"ok":true|"code":"(NOT_FOUND|CONFLICT)"/);
    }
    for (const call of exports) {
      expect((await page.request.fetch(call.url, { method: call.method })).status(), `fresh → ${call.url}`).toBe(
        call.allowedStatus ?? 200,
      );
    }
    await context.close();
  });
});
