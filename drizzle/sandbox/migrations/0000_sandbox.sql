-- Adopts the tables the product's old migration 0002_sandbox created, or creates them on a fresh database.
CREATE SCHEMA IF NOT EXISTS "sandbox";
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "sandbox"."clock" (
	"id" integer PRIMARY KEY NOT NULL,
	"offset_ms" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "sandbox"."documents" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox"."documents_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"lookup_key" text,
	"group_key" text,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "sandbox"."faults" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox"."faults_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"method" text,
	"path_contains" text,
	"kind" text NOT NULL,
	"delay_ms" integer,
	"remaining" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "sandbox"."scheduled_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox"."scheduled_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "sandbox"."webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox"."webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"url" text NOT NULL,
	"headers" jsonb NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"abandoned_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "sandbox_documents_id_unique" ON "sandbox"."documents" USING btree ("provider","kind","id");--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "sandbox_documents_lookup_unique" ON "sandbox"."documents" USING btree ("provider","kind","lookup_key") WHERE "sandbox"."documents"."lookup_key" is not null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandbox_documents_group_idx" ON "sandbox"."documents" USING btree ("provider","kind","group_key","seq");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandbox_faults_provider_idx" ON "sandbox"."faults" USING btree ("provider","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandbox_scheduled_events_due_idx" ON "sandbox"."scheduled_events" USING btree ("due_at") WHERE "sandbox"."scheduled_events"."done_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandbox_webhook_deliveries_due_idx" ON "sandbox"."webhook_deliveries" USING btree ("next_attempt_at") WHERE "sandbox"."webhook_deliveries"."delivered_at" is null and "sandbox"."webhook_deliveries"."abandoned_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandbox_webhook_deliveries_event_idx" ON "sandbox"."webhook_deliveries" USING btree ("provider","event_id");