import { z } from "zod";
import { canonicalTimeZone } from "@/lib/platform/time-zone/wall-time";

/**
 * The time zone the dashboard shows times in: chosen on the payments list (`tz`), then carried
 * in the URL between the list, payment, refund and order pages, and remembered in a cookie (set
 * by proxy.ts whenever a page is opened with a valid `tz`) so it follows the user to pages
 * reached from the menu. Nothing is decided by it; it only changes how instants are written.
 */
export const displayZoneCookie = "tz";
export const defaultDisplayZone = "UTC";
/** A year: the choice outlives a session, like a theme. */
export const displayZoneCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

export const timeZoneMessage = "must be an IANA time zone such as Asia/Hong_Kong";

/** The `tz` URL parameter: an IANA zone name, any case, made canonical ("asia/hong_kong" → "Asia/Hong_Kong"). */
export const timeZoneParam = z
  .string()
  .trim()
  .max(64, timeZoneMessage)
  .refine((v) => canonicalTimeZone(v) !== null, timeZoneMessage)
  .transform((v) => canonicalTimeZone(v) ?? defaultDisplayZone);

/** The zone to show: the URL's if it names one, else the remembered one, else UTC. */
export function resolveDisplayZone(fromUrl: string | undefined, fromCookie: string | undefined): string {
  for (const candidate of [fromUrl, fromCookie]) {
    if (!candidate) continue;
    const zone = candidate.length <= 64 ? canonicalTimeZone(candidate.trim()) : null;
    if (zone) return zone;
  }
  return defaultDisplayZone;
}

/** `?tz=…` for a link between pages, or nothing in UTC (the default needs no parameter). */
export function withDisplayZone(href: string, zone: string): string {
  if (zone === defaultDisplayZone) return href;
  const [path, hash] = href.split("#", 2);
  const joiner = path!.includes("?") ? "&" : "?";
  return `${path}${joiner}tz=${encodeURIComponent(zone)}${hash === undefined ? "" : `#${hash}`}`;
}

/** The zone to remember from a page's `tz` parameter: its canonical name, or null when there is none to keep. */
export function zoneToRemember(fromUrl: string | null, remembered: string | undefined): string | null {
  if (fromUrl === null || fromUrl.length > 64) return null;
  const zone = canonicalTimeZone(fromUrl.trim());
  return zone && zone !== remembered ? zone : null;
}
