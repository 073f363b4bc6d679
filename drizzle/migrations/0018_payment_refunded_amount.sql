ALTER TABLE "payments" ADD COLUMN "refunded_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "provider_decided_at" timestamp with time zone;--> statement-breakpoint
-- Ledgers that already hold refunds: each payment's approved refunds, and for a decision already
-- made the best time we have for it (when we recorded that status).
UPDATE "payments" AS p SET "refunded_minor" = a.total
FROM (SELECT "payment_id", sum("amount_minor") AS total FROM "refunds" WHERE "status" = 'approved' GROUP BY "payment_id") AS a
WHERE a."payment_id" = p."id";--> statement-breakpoint
UPDATE "refunds" SET "provider_decided_at" = "status_changed_at"
WHERE "status" IN ('approved', 'declined', 'expired', 'not_collected');--> statement-breakpoint
CREATE INDEX "payments_customer_name_search_idx" ON "payments" USING btree (lower("customer_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "payments_reference_suffix_search_idx" ON "payments" USING btree (reverse(lower("reference")) text_pattern_ops);--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_refunded_within_reserved" CHECK ("payments"."refunded_minor" >= 0 and "payments"."refunded_minor" <= "payments"."refund_reserved_minor");
