import { z } from "zod";
import { rowIdCursor } from "./row-id-cursor";
import { optionalTypedText } from "./text";

const optionalText = optionalTypedText({ max: 200 });

const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date({ error: "must be a date (YYYY-MM-DD)" }).optional());

export const auditFiltersSchema = z.object({
  action: optionalText,
  actor: optionalText,
  target: optionalText,
  from: optionalDate,
  to: optionalDate,
  cursor: rowIdCursor.optional(),
});

export type AuditFilters = Partial<z.infer<typeof auditFiltersSchema>>;
