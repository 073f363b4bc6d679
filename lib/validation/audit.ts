import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .optional()
  .transform((v) => (v ? v : undefined));

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
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "is not a valid page cursor")
    .optional(),
});

export type AuditFilters = Partial<z.infer<typeof auditFiltersSchema>>;
