CREATE TYPE "public"."order_event_source" AS ENUM('merchant', 'api_call', 'provider_webhook', 'provider_poll', 'system');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('placing', 'unknown', 'pending', 'delivered', 'partially_delivered', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."order_vertical" AS ENUM('voucher', 'topup', 'esim');--> statement-breakpoint
CREATE TYPE "public"."wallet_movement_kind" AS ENUM('opening_balance', 'order_debit', 'order_debit_released', 'order_refund', 'charge_adjustment', 'wallet_credit');--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "order_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" "order_event_source" NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"from_status" "order_status",
	"to_status" "order_status",
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vertical" "order_vertical" NOT NULL,
	"status" "order_status" NOT NULL,
	"client_reference" text NOT NULL,
	"provider_order_id" integer,
	"provider_status" text,
	"product_id" integer NOT NULL,
	"product_name" text NOT NULL,
	"variant_id" integer,
	"quantity" integer DEFAULT 1 NOT NULL,
	"face_value_minor" bigint NOT NULL,
	"face_value_currency" char(3) NOT NULL,
	"wallet_id" integer NOT NULL,
	"charge_minor" bigint NOT NULL,
	"charge_currency" char(3) NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure_code" text,
	"failure_reason" text,
	"is_user_fixable" boolean,
	"retry_of" uuid,
	"placed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_check_at" timestamp with time zone,
	"check_attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	CONSTRAINT "orders_quantity_positive" CHECK ("orders"."quantity" > 0),
	CONSTRAINT "orders_charge_positive" CHECK ("orders"."charge_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "wallet_balances" (
	"wallet_id" integer PRIMARY KEY NOT NULL,
	"currency" char(3) NOT NULL,
	"balance_minor" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_balances_never_negative" CHECK ("wallet_balances"."balance_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "wallet_low_balance_thresholds" (
	"currency" char(3) PRIMARY KEY NOT NULL,
	"amount_minor" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wallet_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"wallet_id" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"kind" "wallet_movement_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"balance_after_minor" bigint NOT NULL,
	"order_id" uuid,
	"provider_transaction_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"note" text,
	CONSTRAINT "wallet_movements_nonzero" CHECK ("wallet_movements"."amount_minor" <> 0),
	CONSTRAINT "wallet_movements_balance_never_negative" CHECK ("wallet_movements"."balance_after_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_low_balance_thresholds" ADD CONSTRAINT "wallet_low_balance_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_movements" ADD CONSTRAINT "wallet_movements_wallet_id_wallet_balances_wallet_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallet_balances"("wallet_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_movements" ADD CONSTRAINT "wallet_movements_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_movements" ADD CONSTRAINT "wallet_movements_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_client_reference_unique" ON "orders" USING btree ("client_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_provider_order_unique" ON "orders" USING btree ("vertical","provider_order_id") WHERE "orders"."provider_order_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "orders_vertical_created_idx" ON "orders" USING btree ("vertical","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_status_created_idx" ON "orders" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_next_check_idx" ON "orders" USING btree ("next_check_at") WHERE "orders"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "wallet_movements_wallet_idx" ON "wallet_movements" USING btree ("wallet_id","id");--> statement-breakpoint
CREATE INDEX "wallet_movements_order_idx" ON "wallet_movements" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_movements_provider_transaction_unique" ON "wallet_movements" USING btree ("wallet_id","provider_transaction_id") WHERE "wallet_movements"."provider_transaction_id" is not null;