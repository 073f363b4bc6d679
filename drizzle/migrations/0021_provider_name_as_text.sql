-- The set of payment providers lives in the code's registry (lib/providers): adding one needs no
-- migration. The partial index compares provider with an enum literal, so it is rebuilt on text.
DROP INDEX "payments_octo_reference_unique";--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."payment_provider";--> statement-breakpoint
CREATE UNIQUE INDEX "payments_octo_reference_unique" ON "payments" USING btree ("reference") WHERE "payments"."provider" = 'octo';
