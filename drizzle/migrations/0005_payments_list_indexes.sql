DROP INDEX "payments_created_idx";--> statement-breakpoint
DROP INDEX "payments_status_created_idx";--> statement-breakpoint
DROP INDEX "payments_provider_created_idx";--> statement-breakpoint
CREATE INDEX "payments_currency_created_idx" ON "payments" USING btree ("currency","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_amount_idx" ON "payments" USING btree ("amount_minor","id");--> statement-breakpoint
CREATE INDEX "payments_currency_amount_idx" ON "payments" USING btree ("currency","amount_minor","id");--> statement-breakpoint
CREATE INDEX "payments_provider_payment_id_search_idx" ON "payments" USING btree (lower("provider_payment_id") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "payments_customer_email_search_idx" ON "payments" USING btree (lower("customer_email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "payments_reference_search_idx" ON "payments" USING btree (lower("reference") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "payments_created_idx" ON "payments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payments_status_created_idx" ON "payments" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_provider_created_idx" ON "payments" USING btree ("provider","created_at","id");