DROP INDEX "payments_currency_created_idx";--> statement-breakpoint
CREATE INDEX "payments_currency_created_amount_idx" ON "payments" USING btree ("currency","created_at","id","amount_minor");