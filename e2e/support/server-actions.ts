import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** The id Next.js gave a server action in this build, looked up by its source file and export. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} in ${filename} is not in the build manifest`);
  return found[0];
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
): Promise<{ status: number; body: string }> {
  const response = await request.post(`${baseURL}/users`, {
    headers: {
      "Next-Action": serverActionId(action.file, action.name),
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: baseURL,
      Accept: "text/x-component",
    },
    data: JSON.stringify([null, input]),
  });
  return { status: response.status(), body: await response.text() };
}
