import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers?: Record<string, unknown>;
}

function readManifest(): Record<string, ManifestEntry> {
  return (
    JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, ManifestEntry>;
    }
  ).node;
}

/** Every server action in this build, as "file#export". */
export function allServerActions(): string[] {
  return Object.values(readManifest())
    .map((entry) => `${entry.filename}#${entry.exportedName}`)
    .sort();
}

/** The id Next.js gave a server action in this build and a page that uses it, by source file and export. */
export function serverAction(filename: string, exportedName: string): { id: string; pagePath: string } {
  const found = Object.entries(readManifest()).find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`server action ${exportedName} in ${filename} is not in the build manifest`);
  const worker = Object.keys(found[1].workers ?? {})[0] ?? "app/page";
  // "app/(dashboard)/users/page" → "/users"
  const pagePath = `/${worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`;
  return { id: found[0], pagePath };
}

/**
 * Calls a server action directly, the way an attacker would: a POST with the action id and the
 * arguments, bypassing every UI control. Returns the raw RSC response text.
 */
export async function callServerAction(
  request: APIRequestContext,
  baseURL: string,
  action: { file: string; name: string },
  input: Record<string, string>,
  /** Extra or overriding headers (e.g. another Origin), for attacks on the transport itself. */
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { id, pagePath } = serverAction(action.file, action.name);
  const response = await request.post(`${baseURL}${pagePath}`, {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: baseURL,
      Accept: "text/x-component",
      ...headers,
    },
    data: JSON.stringify([null, input]),
  });
  return { status: response.status(), body: await response.text() };
}
