import { z } from "zod";
import { typedText } from "@/lib/validation/text";
import type { InputField } from "@/lib/providers/octopus-cards/types";

/**
 * A topup product's input_fields as a zod schema: required fields must be present, a pattern
 * (when given) must match, and no other key is accepted (the provider refuses unknown keys).
 * The same schema checks the form in the browser and the action's input on the server; messages
 * name the rule, the form puts the field's label before them.
 */
export function inputFieldsSchema(fields: readonly InputField[]) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const field of fields) {
    let value = typedText({ max: 200 });
    if (field.pattern) {
      const pattern = new RegExp(field.pattern);
      value = value.refine((v) => v === "" || pattern.test(v), "is not in the expected format");
    }
    shape[field.name] = field.required ? value.min(1, "is required") : value.optional();
  }
  return z.strictObject(shape).transform((data) => Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")));
}
