import { demoPassword } from "@/lib/auth/demo-users";

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header. */
export async function signInCookie(baseUrl: string, email: string, password = demoPassword): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseUrl}/payments` }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("next-auth.session-token=") && c.length > "next-auth.session-token=".length);
  if (!session) throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
  const cookie = [...csrfCookies, session].join("; ");
  const check = await fetch(`${baseUrl}/payments`, { headers: { cookie }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`signed in as ${email}, but /payments answered ${check.status}`);
  return cookie;
}
