-- Order timelines and the wallet ledger are history: never edited, never deleted
-- (forbid_mutation() comes from migration 0001).
CREATE TRIGGER order_events_append_only
  BEFORE UPDATE OR DELETE ON order_events
  FOR EACH ROW EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER order_events_no_truncate
  BEFORE TRUNCATE ON order_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER wallet_movements_append_only
  BEFORE UPDATE OR DELETE ON wallet_movements
  FOR EACH ROW EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER wallet_movements_no_truncate
  BEFORE TRUNCATE ON wallet_movements
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_mutation();
