import { demoPassword, demoUsers } from "@/lib/domain/auth/demo-users";
import { totpCodeFor } from "@/lib/domain/auth/mfa/totp";
import { hiddenFieldsOf } from "@/lib/tooling/testing/server-action-form";

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("next-auth.session-token=") && c.length > "next-auth.session-token=".length);

/**
 * Submits a form the way a browser without JavaScript does: GET the page, POST the form's
 * hidden fields plus `fields` back to it (multipart, same origin), and return the redirect.
 */
async function submitForm(
  baseUrl: string,
  path: string,
  formLabel: string,
  fields: Record<string, string>,
  cookie: string,
) {
  const page = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = new FormData();
  for (const [name, value] of hiddenFieldsOf(await page.text(), formLabel)) body.append(name, value);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    body,
    headers: { cookie, origin: baseUrl },
    redirect: "manual",
  });
  return {
    response,
    location: response.headers.get("location"),
    text: response.status === 200 ? await response.text() : "",
  };
}

/**
 * Signs a demo user in through the sign-in form's server action and the second-factor step (a
 * code computed from the demo user's authenticator secret), as a browser without JavaScript
 * would; returns the Cookie header of the full session.
 */
export async function signInCookie(baseUrl: string, email: string, password = demoPassword): Promise<string> {
  const signIn = await submitForm(baseUrl, "/sign-in", "Sign in", { email, password }, "");
  let session = cookieOf(signIn.response);
  if (!session) throw new Error(`sign-in as ${email} failed: HTTP ${signIn.response.status}`);
  if (signIn.location?.startsWith("/sign-in/verify")) {
    const secret = demoUsers.find((user) => user.email === email)?.totpSecret;
    if (!secret) throw new Error(`${email} has no known authenticator secret`);
    for (let attempt = 0; ; attempt++) {
      const verify = await submitForm(
        baseUrl,
        "/sign-in/verify",
        "Authenticator code",
        { code: await totpCodeFor(secret) },
        session,
      );
      if (verify.location) {
        // A verified second factor issues a new session token (never the pre-verification one).
        session = cookieOf(verify.response) ?? session;
        break;
      }
      // Each code works once per 30-second step: if this one was just used, wait for the next.
      if (attempt >= 2 || !verify.text.includes("already used"))
        throw new Error(`the second factor of ${email} was refused: HTTP ${verify.response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 30_500 - (Date.now() % 30_000)));
    }
  }
  const check = await fetch(`${baseUrl}/payments`, { headers: { cookie: session }, redirect: "manual" });
  if (check.status !== 200)
    throw new Error(
      `signed in as ${email}, but /payments answered ${check.status} ${check.headers.get("location") ?? ""}`,
    );
  return session;
}
