import { cookies } from "next/headers";
import { defaultDisplayZone, displayZoneCookie, resolveDisplayZone } from "./display-zone";

/** The zone a page shows times in: its `tz` parameter, else the one remembered in the cookie, else UTC. */
export async function displayZoneOf(fromUrl: string | undefined): Promise<string> {
  const jar = await cookies();
  return resolveDisplayZone(fromUrl, jar.get(displayZoneCookie)?.value);
}

/**
 * A page's search params with the remembered zone filled in when the URL names none, so a list
 * that reads `tz` itself (the payments list) shows the zone the user last chose.
 */
export async function withRememberedZone<T extends Record<string, string | string[] | undefined>>(
  params: T,
): Promise<T> {
  if (params.tz !== undefined) return params;
  const zone = await displayZoneOf(undefined);
  return zone === defaultDisplayZone ? params : { ...params, tz: zone };
}
