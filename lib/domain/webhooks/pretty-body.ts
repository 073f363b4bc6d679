/** Valid JSON with the whitespace between tokens removed (strings untouched). */
const minified = (json: string) =>
  json.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_match, quoted: string | undefined) => quoted ?? "");

/**
 * A delivery's raw body for reading: indented when it is JSON and indenting changes nothing but
 * whitespace; exactly as received otherwise. Parsing through JS numbers would silently alter
 * amounts beyond 2^53 or "10.50"-style literals, so such bodies are shown untouched.
 */
export function prettyBody(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  return JSON.stringify(parsed) === minified(raw) ? JSON.stringify(parsed, null, 2) : raw;
}
