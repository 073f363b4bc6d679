/**
 * What the control listing of sent webhooks hides: the goods a webhook carries (voucher codes,
 * PINs, eSIM activation data) and any credential, judged by the key's name with case, "_", "-"
 * and "." ignored. The sandbox writes these bodies itself, so they are JSON; they are edited
 * as text so every other byte (amounts such as 150000.00 included) stays as sent.
 */
const hidden = "[redacted]";
const goodsKeys =
  /^(cardnumber|pin|pincode|claimurl|activationcode|lpa|lpastring|qrcode|matchingid|confirmationcode|cvv|cvc|authorization|notifykey)$/;
const credentialParts = /secret|password|passwd|token|signingkey|privatekey|apikey/;

function isHiddenKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[_\-\s.]/g, "");
  return goodsKeys.test(name) || credentialParts.test(name);
}

/** Headers with every hidden key's value replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, isHiddenKey(key) ? hidden : value]));
}

/** Index just past the JSON value starting at `at` (string, object, array or bare literal). */
function skipValue(text: string, at: number): number {
  let depth = 0;
  let i = at;
  do {
    const ch = text[i];
    if (ch === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    } else if (ch === "{" || ch === "[") depth += 1;
    else if (ch === "}" || ch === "]") depth -= 1;
    else if (depth === 0) {
      while (i < text.length && !/[,}\]\s]/.test(text[i] ?? "")) i += 1;
      return i;
    }
    i += 1;
  } while (i < text.length && depth > 0);
  return i;
}

/** The body's text with the value of every hidden key replaced (a null stays null). */
export function redactBodyText(text: string): string {
  const keyPattern = /"((?:[^"\\]|\\.)*)"\s*:\s*/g;
  let out = "";
  let copiedTo = 0;
  for (let match = keyPattern.exec(text); match; match = keyPattern.exec(text)) {
    if (!isHiddenKey(match[1] ?? "")) continue;
    const start = match.index + match[0].length;
    const end = skipValue(text, start);
    if (text.slice(start, end) === "null") continue;
    out += `${text.slice(copiedTo, start)}"${hidden}"`;
    copiedTo = end;
    keyPattern.lastIndex = end;
  }
  return out + text.slice(copiedTo);
}
