CREATE TYPE "public"."payment_event_source" AS ENUM('provider_webhook', 'provider_poll', 'api_call', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."payment_flow" AS ENUM('checkout_api', 'checkout_setup', 'octo', 'external');--> statement-breakpoint
CREATE TYPE "public"."payment_provider" AS ENUM('checkout', 'octo');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('requested', 'pending', 'authorized', 'captured', 'declined', 'canceled', 'expired', 'failed');--> statement-breakpoint
CREATE TYPE "public"."webhook_outcome" AS ENUM('applied', 'duplicate', 'rejected', 'ignored_out_of_order', 'ignored');--> statement-breakpoint
CREATE TYPE "public"."webhook_signature_verdict" AS ENUM('valid', 'invalid', 'missing');--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"payment_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" "payment_event_source" NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"from_status" "payment_status",
	"to_status" "payment_status",
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"flow" "payment_flow" NOT NULL,
	"status" "payment_status" NOT NULL,
	"provider_status" text,
	"provider_payment_id" text,
	"provider_setup_id" text,
	"reference" text NOT NULL,
	"idempotency_key" text,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"captured_minor" bigint DEFAULT 0 NOT NULL,
	"description" text,
	"customer_email" text,
	"customer_name" text,
	"landing_url" text,
	"octopus_uri" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_minor" > 0),
	CONSTRAINT "payments_captured_within_amount" CHECK ("payments"."captured_minor" >= 0 and "payments"."captured_minor" <= "payments"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "webhook_receipts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_receipts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_id" text,
	"event_type" text,
	"signature" "webhook_signature_verdict" NOT NULL,
	"outcome" "webhook_outcome" NOT NULL,
	"is_first" boolean DEFAULT false NOT NULL,
	"payment_id" uuid,
	"raw_body" text NOT NULL,
	"headers" jsonb NOT NULL,
	"detail" text
);
--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_receipts" ADD CONSTRAINT "webhook_receipts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_events_payment_idx" ON "payment_events" USING btree ("payment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_payment_id_unique" ON "payments" USING btree ("provider","provider_payment_id") WHERE "payments"."provider_payment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_key_unique" ON "payments" USING btree ("provider","idempotency_key") WHERE "payments"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "payments_created_idx" ON "payments" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_status_created_idx" ON "payments" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_provider_created_idx" ON "payments" USING btree ("provider","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_reference_idx" ON "payments" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_receipts_first_unique" ON "webhook_receipts" USING btree ("provider","event_id") WHERE "webhook_receipts"."is_first";--> statement-breakpoint
CREATE INDEX "webhook_receipts_received_idx" ON "webhook_receipts" USING btree ("received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_receipts_payment_idx" ON "webhook_receipts" USING btree ("payment_id","id");