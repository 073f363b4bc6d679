-- The flows a payment can be requested in live in the providers' profiles (lib/integrations/providers):
-- a provider's new flow needs no migration.
ALTER TABLE "payments" ALTER COLUMN "flow" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."payment_flow";