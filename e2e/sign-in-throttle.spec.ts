import http from "node:http";
import { expect, test } from "@playwright/test";
import { formAlertOf, hiddenFieldsOf } from "../lib/tooling/testing/server-action-form";
import { baseURL } from "../playwright.config";

/**
 * A client cannot choose the address it is throttled by: a forged X-Forwarded-For, new on every
 * attempt, does not escape the per-address lock (the server runs with TRUSTED_PROXIES unset).
 *
 * Every other spec signs in from 127.0.0.1, so these attempts come from their own loopback
 * addresses (a socket bound to 127.0.0.7x, which Playwright's request API cannot choose) and use
 * emails that exist nowhere: locking them affects no other spec.
 */
const { hostname, port } = new URL(baseURL);

function send(
  localAddress: string,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, path, method, headers, localAddress, family: 4 },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const cookiesOf = (headers: http.IncomingHttpHeaders) =>
  (headers["set-cookie"] ?? []).map((c) => c.split(";")[0] ?? "");

/**
 * One sign-in as a browser without JavaScript makes it: GET the page, POST the sign-in form's
 * server action back to it (multipart); the error sentence the form shows, or "signed in".
 */
async function attemptSignIn(
  localAddress: string,
  email: string,
  password: string,
  forgedForwardedFor: string,
): Promise<string> {
  const forged = { "x-forwarded-for": forgedForwardedFor, "x-real-ip": forgedForwardedFor };
  const page = await send(localAddress, "GET", "/sign-in", forged);
  const form = new FormData();
  for (const [name, value] of hiddenFieldsOf(page.body, "Sign in")) form.append(name, value);
  form.set("email", email);
  form.set("password", password);
  const encoded = new Request(baseURL, { method: "POST", body: form });
  const response = await send(
    localAddress,
    "POST",
    "/sign-in",
    { ...forged, origin: baseURL, "content-type": encoded.headers.get("content-type") ?? "" },
    Buffer.from(await encoded.arrayBuffer()),
  );
  if (
    response.headers.location ||
    cookiesOf(response.headers).some((c) => c.startsWith("next-auth.session-token=") && c.length > 24)
  )
    return "signed in";
  return formAlertOf(response.body, "Sign in") ?? `no message (HTTP ${response.status})`;
}

test.describe("[AUTH] sign-in throttling ignores a forged X-Forwarded-For", () => {
  test("twenty failures from one address lock it, whatever X-Forwarded-For says", async () => {
    const run = Date.now();
    for (let i = 1; i <= 20; i += 1) {
      expect(
        await attemptSignIn("127.0.0.71", `spray-${run}-${i}@example.test`, "wrong password", `203.0.113.${i}`),
      ).toBe("Email or password is incorrect.");
    }
    expect(await attemptSignIn("127.0.0.71", `spray-${run}-21@example.test`, "wrong password", "198.51.100.21")).toBe(
      "Too many failed sign-ins for your network address. Try again in 15 minutes.",
    );
    // The lock is the address's own: another address signs in as usual.
    expect(await attemptSignIn("127.0.0.72", `spray-${run}-22@example.test`, "wrong password", "203.0.113.1")).toBe(
      "Email or password is incorrect.",
    );
  });

  test("five failures for one account from one address lock that pair, whatever X-Forwarded-For says", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    for (let i = 1; i <= 4; i += 1) {
      expect(await attemptSignIn("127.0.0.73", email, `wrong ${i}`, `192.0.2.${i}`)).toBe(
        "Email or password is incorrect.",
      );
    }
    expect(await attemptSignIn("127.0.0.73", email, "wrong 5", "192.0.2.5")).toBe(
      "Too many failed sign-ins for this account. Try again in 15 minutes.",
    );
    expect(await attemptSignIn("127.0.0.73", email, "wrong 6", "192.0.2.6")).toBe(
      "Too many failed sign-ins for this account. Try again in 15 minutes.",
    );
  });
});
