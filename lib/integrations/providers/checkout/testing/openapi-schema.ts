import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import yaml from "js-yaml";

/** Vendored copies of Checkout.com's OpenAPI 3.0 schema files (see openapi/README.md). */
const schemasDir = path.join(import.meta.dirname, "openapi", "schemas");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFilesUnder(full) : entry.name.endsWith(".yaml") ? [full] : [];
  });
}

/** The spec names schemas "#/components/schemas/<Name>"; each lives in <Name>.yaml somewhere under schemas/. */
const fileByName = new Map(yamlFilesUnder(schemasDir).map((file) => [path.basename(file, ".yaml"), file]));

function load(file: string): Json {
  return yaml.load(readFileSync(file, "utf8")) as Json;
}

function refTarget(ref: string, fromFile: string): string {
  const named = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (named?.[1]) {
    const file = fileByName.get(named[1]);
    if (!file) throw new Error(`unresolved $ref ${ref} (from ${fromFile})`);
    return file;
  }
  return path.resolve(path.dirname(fromFile), ref);
}

/** Inlines every $ref (named or relative to the file it appears in) into one self-contained schema. */
function resolve(node: Json, fromFile: string, depth = 0): Json {
  if (depth > 40) throw new Error(`$ref nesting too deep at ${fromFile}`);
  if (Array.isArray(node)) return node.map((item) => resolve(item, fromFile, depth));
  if (node === null || typeof node !== "object") return node;
  const { $ref, ...rest } = node;
  const resolvedRest = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, resolve(value, fromFile, depth)]),
  );
  if (typeof $ref !== "string") return resolvedRest;
  const target = refTarget($ref, fromFile);
  const resolvedTarget = resolve(load(target), target, depth + 1);
  return typeof resolvedTarget === "object" && resolvedTarget !== null && !Array.isArray(resolvedTarget)
    ? { ...resolvedTarget, ...resolvedRest }
    : resolvedTarget;
}

/**
 * Known defects of the 2021 spec, patched here rather than bent into the simulator:
 * PaymentResponseBalances lists `id` as required but defines no such property, and no
 * Checkout.com balances example (docs, SDKs, webhooks) carries one. Once inlined, the balances
 * schema is recognisable by its `available_to_refund` property.
 */
function patchKnownSpecDefects(node: Json): Json {
  if (Array.isArray(node)) return node.map(patchKnownSpecDefects);
  if (node === null || typeof node !== "object") return node;
  const patched = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, patchKnownSpecDefects(value)]));
  const props = patched.properties;
  const isBalances =
    typeof props === "object" && props !== null && !Array.isArray(props) && "available_to_refund" in props;
  if (!isBalances) return patched;
  const { required: _required, ...rest } = patched;
  void _required;
  return rest;
}

// OpenAPI 3.0 keywords (nullable, discriminator, example, readOnly) are not JSON Schema: strict off.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

export type CheckoutSchemaName =
  "PaymentDetails" | "PaymentAction" | "RefundAcceptedResponse" | "ValidationError" | "Error";

export function checkoutSchemaValidator(name: CheckoutSchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const file = fileByName.get(name);
    if (!file) throw new Error(`no vendored schema ${name}`);
    validate = ajv.compile(patchKnownSpecDefects(resolve(load(file), file)) as object);
    validators.set(name, validate);
  }
  return validate;
}

/** The ajv errors as readable text, or null when `value` matches the named schema. */
export function checkoutSchemaErrors(name: CheckoutSchemaName, value: unknown): string | null {
  const validate = checkoutSchemaValidator(name);
  return validate(value) ? null : ajv.errorsText(validate.errors, { dataVar: name });
}
