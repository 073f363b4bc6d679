import { z } from "zod";
import { decodeCursor, encodeCursor, invalidCursorMessage } from "@/lib/platform/lists/cursor";

/**
 * A page cursor of the refunds monitor: which way it points ("older": the page after this row;
 * "newer": the page before it) and the row it points from, as the shared keyset codec writes
 * it. The direction is a plain prefix so the row part keeps that codec's strict decoding.
 */
export type MonitorDirection = "older" | "newer";
export interface MonitorCursor {
  direction: MonitorDirection;
  createdAt: string;
  id: string;
}

const separator = ".";

export function encodeMonitorCursor(cursor: MonitorCursor): string {
  return `${cursor.direction}${separator}${encodeCursor({ sort: "newest", createdAt: cursor.createdAt, id: cursor.id })}`;
}

export function decodeMonitorCursor(text: string): MonitorCursor | null {
  const at = text.indexOf(separator);
  const direction = text.slice(0, at);
  if (at < 0 || (direction !== "older" && direction !== "newer")) return null;
  const decoded = decodeCursor(text.slice(at + 1), "newest");
  if (!decoded.ok || !("createdAt" in decoded.cursor)) return null;
  return { direction, createdAt: decoded.cursor.createdAt, id: decoded.cursor.id };
}

/** The monitor's `cursor` URL parameter: only what encodeMonitorCursor wrote. */
export const monitorCursorField = z.string().refine((text) => decodeMonitorCursor(text) !== null, invalidCursorMessage);
