import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseOrderListParams } from "@/lib/orders/list/params";
import { parsePaymentListParams } from "@/lib/payments/list/params";
import { auditFiltersSchema } from "@/lib/validation/audit";
import { validationFailure } from "./action-result";
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
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  return files.flatMap((f) => [...readFileSync(path.join(root, f), "utf8").matchAll(/export const (\w+) = define(?:SignInStep)?Action\(/g)].map((m) => m[1] ?? "")).sort();
}

const plausible = fc.constantFrom("", " ", "0", "1", "-1", "1.00", "1e9", "NaN", "HKD", "UZS", "usd", "checkout", "octo", "partial", "full", "admin", "true", "other", "a@b.c", "00000000-0000-4000-8000-000000000000", "x".repeat(600));
const value = fc.oneof(plausible, fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 30 }), fc.array(fc.oneof(plausible, fc.string()), { maxLength: 3 }));

/** What a form post or a direct call can carry: the form's own fields with hostile values, junk keys, or not an object at all. */
const rawInputFor = (fields: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }) },
    { weight: 2, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...fields, "input.x", "$ACTION_ID"), fc.string({ maxLength: 12 })), value) },
    { weight: 1, arbitrary: fc.anything() },
  );

const isPlainObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

describe("server action inputs under fuzz", () => {
  it("every server action has its input schema registered", () => {
    expect(Object.keys(actionInputSchemas).sort()).toEqual(actionsInSource());
  });

  for (const [action, schema] of Object.entries(actionInputSchemas)) {
    it(`${action}: parsing never throws; every rejection names a field of the form and a rule`, () => {
      const fields = fieldsOf(schema);
      let rejected = 0;
      console.log(`[input fuzz] ${action} runs=${runs} seed=${seed}`);
      fc.assert(
        fc.property(rawInputFor(fields), (raw) => {
          const result = schema.safeParse(raw);
          if (result.success) return;
          rejected += 1;
          const failure = validationFailure(result.error);
          for (const [field, messages] of Object.entries(failure.fieldErrors ?? {})) {
            const allowed = isPlainObject(raw) ? fields : [...fields, "input"];
            expect(allowed, `${action}: "${field}" is not a field of the form`).toContain(field.split(".")[0]);
            expect(messages.length).toBeGreaterThan(0);
            for (const message of messages) expect(message.trim(), `${action}.${field}`).not.toBe("");
          }
          expect(failure.message).toMatch(/^Check the form: /);
        }),
        { numRuns: runs, seed },
      );
      if (fields.length > 0) expect(rejected).toBeGreaterThan(0);
    });
  }
});

describe("route handler query parameters under fuzz", () => {
  const params = fc.dictionary(
    fc.oneof(fc.constantFrom("action", "actor", "target", "from", "to", "cursor", "provider", "status", "currency", "min", "max", "tz", "sort", "q", "vertical"), fc.string({ maxLength: 8 })),
    fc.oneof(fc.constantFrom("", "2026-01-01", "2026-13-40", "HKD", "-1", "1.005", "captured,refunded", "Asia/Hong_Kong", "Mars/Base"), fc.string({ maxLength: 40 })),
  );
  const checks: Array<[string, (search: URLSearchParams) => z.ZodError | undefined, string[]]> = [
    ["GET /api/audit", (s) => auditFiltersSchema.safeParse(Object.fromEntries(s)).error, Object.keys(auditFiltersSchema.shape)],
    ["GET /api/payments/export", (s) => parsePaymentListParams(s).error, ["provider", "status", "currency", "min", "max", "from", "to", "tz", "sort", "q", "cursor"]],
    ["GET /api/orders/export", (s) => parseOrderListParams(s).error, ["vertical", "status", "from", "to", "q", "cursor"]],
  ];
  for (const [route, parse, fields] of checks) {
    it(`${route}: parsing never throws; every refusal names a parameter and a rule`, () => {
      console.log(`[query fuzz] ${route} runs=${runs} seed=${seed}`);
      fc.assert(
        fc.property(params, (record) => {
          const error = parse(new URLSearchParams(record));
          if (!error) return;
          for (const [field, messages] of Object.entries(validationFailure(error).fieldErrors ?? {})) {
            expect(fields, `${route}: "${field}"`).toContain(field.split(".")[0]);
            for (const message of messages) expect(message.trim()).not.toBe("");
          }
        }),
        { numRuns: runs, seed },
      );
    });
  }
});
