ALTER TABLE "orders" ADD COLUMN "refunded_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivered_quantity" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "esim_iccid" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "esim_activation_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "esim_installed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_refunded_not_negative" CHECK ("orders"."refunded_minor" >= 0);--> statement-breakpoint
-- Orders already refunded or released: what their movements gave back so far.
UPDATE "orders" AS o SET "refunded_minor" = m."total"
FROM (SELECT "order_id", sum("amount_minor") AS "total" FROM "wallet_movements"
      WHERE "kind" IN ('order_refund', 'order_debit_released') AND "order_id" IS NOT NULL GROUP BY "order_id") AS m
WHERE m."order_id" = o."id" AND m."total" > 0;
--> statement-breakpoint
-- Partial deliveries an older live check recorded without booking their refund: look again now.
UPDATE "orders" AS o SET "next_check_at" = now()
WHERE o."status" = 'partially_delivered' AND o."next_check_at" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "wallet_movements" AS m WHERE m."order_id" = o."id" AND m."kind" = 'order_refund');
