import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseOrderListParams } from "@/lib/domain/orders/list/params";
import { parsePaymentListParams } from "@/lib/domain/payments/list/params";
import { parameterFailure } from "@/lib/platform/http/route-errors";
import { refundMonitorFiltersSchema } from "@/lib/domain/refunds/monitor";
import { auditFiltersSchema } from "@/lib/app/validation/audit";
import { receiptFiltersSchema } from "@/lib/app/validation/webhooks";
import { validationFailure } from "@/lib/platform/refusal";
import { actionInputSchemas } from "./action-input-schemas";

const runs = Number(process.env.FUZZ_RUNS ?? 1000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** The field names a schema's form has (through preprocessing, checks and discriminated unions). */
function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return [...fieldsOf(schema.in as z.ZodType), ...fieldsOf(schema.out as z.ZodType)];
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(fieldsOf);
  return [];
}

/** Every `export const xAction = defineAction(` (or defineSignInStepAction) in lib/actions. */
function actionsInSource(): string[] {
  const root = path.resolve(import.meta.dirname);
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  return files
    .flatMap((f) =>
      [...readFileSync(path.join(root, f), "utf8").matchAll(/export const (\w+) = define(?:SignInStep)?Action\(/g)].map(
        (m) => m[1] ?? "",
      ),
    )
    .sort();
}

/** Characters no person types: NUL and other C0/C1 controls, DEL, bidi overrides, a line separator, a lone surrogate. */
const controlCharacter = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009f",
  "\u2028",
  "\u202e",
  "\u2066",
  "\ud800",
);
/** A value that would pass its field but for one control character somewhere in it. */
const withControl = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, controlCharacter, fc.nat()).map(([text, control, at]) => {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, i) + control + text.slice(i);
  });
const hasForbiddenControl = (text: string) =>
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
    text,
  );
/** Passwords are hashed, never stored or shown as text, so they are not "text a person types" here. */
const opaqueFields = new Set(["password", "currentPassword", "newPassword", "confirmPassword"]);

/** Every string inside a parsed value (objects, arrays), with the top-level field it came from. */
function stringsOf(value: unknown, field = ""): Array<[string, string]> {
  if (typeof value === "string") return [[field, value]];
  if (Array.isArray(value)) return value.flatMap((v) => stringsOf(v, field));
  if (typeof value === "object" && value !== null)
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, field || k));
  return [];
}

const plausible = fc.constantFrom(
  "",
  " ",
  "0",
  "1",
  "-1",
  "1.00",
  "1e9",
  "NaN",
  "HKD",
  "UZS",
  "usd",
  "checkout",
  "octo",
  "partial",
  "full",
  "admin",
  "true",
  "other",
  "a@b.c",
  "00000000-0000-4000-8000-000000000000",
  "x".repeat(600),
);
const value = fc.oneof(
  plausible,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  withControl(fc.oneof(plausible, fc.string({ maxLength: 40 }))),
  fc.array(fc.oneof(plausible, fc.string(), withControl(plausible)), { maxLength: 3 }),
);

/** What a form post or a direct call can carry: the form's own fields with hostile values, junk keys, or not an object at all. */
const rawInputFor = (fields: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }) },
    // Every text field at once carrying a control character, so each field is hit every few runs.
    {
      weight: 2,
      arbitrary: fc.record(Object.fromEntries(fields.map((f) => [f, withControl(plausible)])), { requiredKeys: [] }),
    },
    {
      weight: 1,
      arbitrary: fc
        .record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] })
        .chain((r) => fc.string({ maxLength: 8 }).map((k) => ({ ...r, [`input.${k}`]: "ok\u0000" }))),
    },
    {
      weight: 2,
      arbitrary: fc.dictionary(
        fc.oneof(fc.constantFrom(...fields, "input.x", "$ACTION_ID"), fc.string({ maxLength: 12 })),
        value,
      ),
    },
    { weight: 1, arbitrary: fc.anything() },
  );

const isPlainObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

describe("server action inputs under fuzz", () => {
  it("every server action has its input schema registered", () => {
    expect(Object.keys(actionInputSchemas).sort()).toEqual(actionsInSource());
  });

  for (const [action, schema] of Object.entries(actionInputSchemas)) {
    it(`${action}: parsing never throws; no control character gets through; every rejection names a field of the form and a rule`, () => {
      const fields = fieldsOf(schema);
      let rejected = 0;
      console.log(`[input fuzz] ${action} runs=${runs} seed=${seed}`);
      fc.assert(
        fc.property(rawInputFor(fields), (raw) => {
          const result = schema.safeParse(raw);
          if (result.success) {
            // Newline, tab and carriage return are allowed in multi-line notes; nothing else is.
            for (const [field, text] of stringsOf(result.data))
              if (!opaqueFields.has(field))
                expect(hasForbiddenControl(text), `${action}.${field} accepted ${JSON.stringify(text)}`).toBe(false);
            return;
          }
          rejected += 1;
          const failure = validationFailure(result.error);
          for (const [field, messages] of Object.entries(failure.fieldErrors ?? {})) {
            const allowed = isPlainObject(raw) ? fields : [...fields, "input"];
            expect(allowed, `${action}: "${field}" is not a field of the form`).toContain(field.split(".")[0]);
            expect(messages.length).toBeGreaterThan(0);
            for (const message of messages) expect(message.trim(), `${action}.${field}`).not.toBe("");
          }
          expect(failure.message).toMatch(/^Check the form: /);
          // A text field refused for a control character says so, under its own name.
          if (isPlainObject(raw)) {
            for (const [field, text] of Object.entries(raw as Record<string, unknown>)) {
              if (
                typeof text !== "string" ||
                opaqueFields.has(field) ||
                !fields.includes(field) ||
                !/\u0000/.test(text)
              )
                continue;
              const refused = Object.keys(failure.fieldErrors ?? {});
              // A discriminated union (import: provider) checks nothing else until its discriminator is valid.
              const discriminator =
                schema instanceof z.ZodDiscriminatedUnion ? String(schema._zod.def.discriminator) : undefined;
              const named =
                refused.some((f) => f === field || f.startsWith(`${field}.`)) ||
                refused.includes("input") ||
                (discriminator !== undefined && refused.includes(discriminator));
              expect(
                named,
                `${action}: a NUL in ${field} was refused without naming ${field}: ${failure.message}`,
              ).toBe(true);
            }
          }
        }),
        { numRuns: runs, seed },
      );
      if (fields.length > 0) expect(rejected).toBeGreaterThan(0);
    });
  }
});

/** Cursors as an attacker edits them: our JSON shape with impossible or hostile values, re-encoded. */
const craftedCursor = fc
  .record(
    {
      v: fc.constantFrom(1, 2, "1"),
      s: fc.constantFrom("newest", "oldest", "amount_desc", "amount_asc", "x"),
      t: fc.oneof(
        fc.constantFrom(
          "2026-13-45T25:61:61.000000Z",
          "2026-02-30T00:00:00.000000Z",
          "0000-01-01T00:00:00.000000Z",
          "2026-01-01T00:00:00.000000Z",
          "2026-01-01T00:00:00.000000Z\u0000",
        ),
        fc.string({ maxLength: 30 }),
      ),
      a: fc.constantFrom("1", "99999999999999999999", "9223372036854775808", "1e5", "-1", "0"),
      i: fc.constantFrom(
        "00000000-0000-4000-8000-000000000000",
        "not-a-uuid",
        "00000000-0000-4000-8000-000000000000\u0000",
      ),
    },
    { requiredKeys: ["s"] },
  )
  .map((wire) => Buffer.from(JSON.stringify(wire), "utf8").toString("base64url"));

describe("route handler query parameters under fuzz", () => {
  const params = fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        "action",
        "actor",
        "target",
        "from",
        "to",
        "cursor",
        "provider",
        "status",
        "currency",
        "min",
        "max",
        "tz",
        "sort",
        "q",
        "vertical",
      ),
      fc.string({ maxLength: 8 }),
    ),
    fc.oneof(
      fc.constantFrom(
        "",
        "2026-01-01",
        "2026-13-40",
        "HKD",
        "-1",
        "1.005",
        "captured,refunded",
        "Asia/Hong_Kong",
        "Mars/Base",
        "99999999999999999999",
        "9223372036854775808",
        "0",
      ),
      fc.string({ maxLength: 40 }),
      withControl(
        fc.constantFrom("refund", "HKD", "2026-01-01", "captured", "fiona@example.test", "12", "Asia/Hong_Kong"),
      ),
      craftedCursor,
    ),
  );
  const checks: Array<[string, (search: URLSearchParams) => z.ZodError | undefined, string[]]> = [
    [
      "GET /api/audit",
      (s) => auditFiltersSchema.safeParse(Object.fromEntries(s)).error,
      Object.keys(auditFiltersSchema.shape),
    ],
    [
      "GET /api/payments/export",
      (s) => parsePaymentListParams(s).error,
      ["provider", "status", "currency", "min", "max", "from", "to", "tz", "sort", "q", "cursor"],
    ],
    [
      "GET /api/orders/export",
      (s) => parseOrderListParams(s).error,
      ["vertical", "status", "from", "to", "q", "cursor"],
    ],
    [
      "GET /refunds (monitor filters)",
      (s) => refundMonitorFiltersSchema.safeParse(Object.fromEntries(s)).error,
      Object.keys(refundMonitorFiltersSchema.shape),
    ],
    [
      "GET /webhooks (receipt filters)",
      (s) => receiptFiltersSchema.safeParse(Object.fromEntries(s)).error,
      Object.keys(receiptFiltersSchema.shape),
    ],
  ];
  for (const [route, parse, fields] of checks) {
    it(`${route}: parsing never throws; every refusal names a parameter and a rule`, () => {
      console.log(`[query fuzz] ${route} runs=${runs} seed=${seed}`);
      fc.assert(
        fc.property(params, (record) => {
          const search = new URLSearchParams(record);
          const error = parse(search);
          const fieldErrors = error ? (parameterFailure(error).fieldErrors ?? {}) : {};
          for (const [field, messages] of Object.entries(fieldErrors)) {
            expect(fields, `${route}: "${field}" is named as the caller wrote it`).toContain(field);
            for (const message of messages) expect(message.trim()).not.toBe("");
          }
          // A parameter we read that carries a control character is always refused under its own name.
          for (const name of new Set(search.keys())) {
            const text = (search.get(name) ?? "").trim();
            if (fields.includes(name) && hasForbiddenControl(text))
              expect(Object.keys(fieldErrors), `${route}: ${name}=${JSON.stringify(text)}`).toContain(name);
          }
        }),
        { numRuns: runs, seed },
      );
    });
  }
});
