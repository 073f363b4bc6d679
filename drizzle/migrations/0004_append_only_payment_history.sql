-- A payment's timeline and every webhook delivery received are history: never edited, never
-- deleted (forbid_mutation() comes from migration 0001).
CREATE TRIGGER payment_events_append_only
  BEFORE UPDATE OR DELETE ON payment_events
  FOR EACH ROW EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER payment_events_no_truncate
  BEFORE TRUNCATE ON payment_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER webhook_receipts_append_only
  BEFORE UPDATE OR DELETE ON webhook_receipts
  FOR EACH ROW EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER webhook_receipts_no_truncate
  BEFORE TRUNCATE ON webhook_receipts
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_mutation();
