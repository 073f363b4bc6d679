export const redactedMarker = "[redacted]";

/**
 * Keys whose values are secrets a stored body must never keep: voucher codes (card number, PIN,
 * claim link), eSIM activation data (the LPA string and its parts), and any provider credential.
 * Matched on the key name with case, "_" and "-" ignored; the value is replaced whole, whatever
 * its type, so a secret object or array goes too.
 */
const exactSecretKeys = new Set([
  "cardnumber",
  "pin",
  "pincode",
  "claimurl",
  "activationcode",
  "lpa",
  "lpastring",
  "qrcode",
  "matchingid",
  "confirmationcode",
  "cvv",
  "cvc",
  "authorization",
  "apikey",
  "notifykey",
]);

/** Any key containing one of these is a credential (octo_secret, refresh_token, signing_key, …). */
const secretKeyParts = ["secret", "password", "passwd", "token", "signingkey", "privatekey", "apikey"];

const normalise = (key: string) => key.toLowerCase().replace(/[_\-\s.]/g, "");

export function isSecretKey(key: string): boolean {
  const name = normalise(key);
  return exactSecretKeys.has(name) || secretKeyParts.some((part) => name.includes(part));
}

/** A copy of `value` with every secret key's value replaced by "[redacted]", at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isSecretKey(key) && inner !== null ? redactedMarker : redactSecrets(inner),
    ]),
  );
}

/** End of the JSON string token that starts at `start` (its opening quote), or the text's end if it never closes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === "\\") i += 1;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** End of the JSON value that starts at `start`: a string, a balanced object/array, or a bare literal. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i = start; i < text.length; i += 1) {
      const ch = text[i];
      if (ch === '"') i = stringEnd(text, i) - 1;
      else if (ch === "{" || ch === "[") depth += 1;
      else if (ch === "}" || ch === "]") {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !/[,}\]\s]/.test(text[i] ?? "")) i += 1;
  return i;
}

function keyName(token: string): string {
  try {
    const parsed: unknown = JSON.parse(token);
    return typeof parsed === "string" ? parsed : token;
  } catch {
    return token.slice(1, -1);
  }
}

/**
 * A body's text with the value of every secret key replaced by "[redacted]", everything else
 * byte for byte (no JSON round trip: it would rewrite amounts like 10.50 or beyond 2^53). It
 * works on any text, including JSON cut short or not JSON at all: every `"key": value` pair it
 * finds is judged by its key, at any depth.
 */
export function redactJsonText(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') {
      const next = text.indexOf('"', i);
      const stop = next === -1 ? text.length : next;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    const tokenEnd = stringEnd(text, i);
    const token = text.slice(i, tokenEnd);
    out += token;
    i = tokenEnd;
    let colon = i;
    while (colon < text.length && /\s/.test(text[colon] ?? "")) colon += 1;
    if (text[colon] !== ":" || !isSecretKey(keyName(token))) continue;
    let valueStart = colon + 1;
    while (valueStart < text.length && /\s/.test(text[valueStart] ?? "")) valueStart += 1;
    out += text.slice(i, valueStart);
    const end = valueEnd(text, valueStart);
    const value = text.slice(valueStart, end);
    // A null says "no secret here"; anything else (even cut short) goes.
    out += value === "null" || value === "" ? value : JSON.stringify(redactedMarker);
    i = end;
  }
  return out;
}

/** Form-encoded pairs (a=1&pin_code=1234), for bodies that are not JSON. */
function redactFormPairs(text: string): string {
  return text.replace(/(^|[?&;\s])([^=&;\s"]+)=([^&;\s]*)/g, (pair, before: string, key: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      // keep the raw key
    }
    return isSecretKey(name) ? `${before}${key}=${encodeURIComponent(redactedMarker)}` : pair;
  });
}

/** What a stored body keeps: secrets by key in JSON (at any depth, even cut short) and in form pairs. */
export function redactBody(text: string): string {
  const trimmed = text.trimStart();
  return trimmed.startsWith("{") || trimmed.startsWith("[")
    ? redactJsonText(text)
    : redactFormPairs(redactJsonText(text));
}
