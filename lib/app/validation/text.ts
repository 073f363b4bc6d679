import { z } from "zod";

/**
 * Characters no person types into a field of ours: C0 and C1 controls (NUL above all, which
 * Postgres refuses in text), DEL, and the Unicode bidi overrides and isolates that can make a
 * shown value read differently from what is stored. A multi-line note may keep newline, tab
 * and carriage return; a single-line field keeps none of them, nor the Unicode line separators.
 */
const singleLineForbidden = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const multiLineForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Half of a UTF-16 surrogate pair without the other half: not text, and Postgres cannot store it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const controlCharacterRule = "must not contain control characters (such as NUL)";

/** True when a person could have typed it in a field of ours: well-formed UTF-16 without control characters. */
export function isTypedText(value: string, options: { multiline?: boolean } = {}): boolean {
  return !loneSurrogate.test(value) && !(options.multiline ? multiLineForbidden : singleLineForbidden).test(value);
}

/**
 * "Text a person types": a string, trimmed, at most `max` characters, without control
 * characters. Every action input and URL filter that takes free text is built on this, so a NUL
 * is refused with the field's name and this rule instead of reaching the database.
 */
export function typedText(options: { max: number; multiline?: boolean }) {
  return z
    .string({ error: "must be text" })
    .trim()
    .max(options.max, `must be at most ${options.max} characters`)
    .refine((value) => isTypedText(value, options), controlCharacterRule);
}

/** An optional typed text: blank (after trimming) becomes undefined. */
export function optionalTypedText(options: { max: number; multiline?: boolean }) {
  return typedText(options)
    .optional()
    .transform((value) => (value ? value : undefined));
}
