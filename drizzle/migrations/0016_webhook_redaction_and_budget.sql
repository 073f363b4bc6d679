CREATE TABLE "webhook_rejection_counts" (
	"provider" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "webhook_rejection_counts_provider_minute_pk" PRIMARY KEY("provider","minute")
);
--> statement-breakpoint
ALTER TABLE "webhook_receipts" ADD COLUMN "raw_body_sha256" text;