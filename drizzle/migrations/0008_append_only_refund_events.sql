-- A refund's history is never edited or deleted (forbid_mutation() comes from migration 0001).
CREATE TRIGGER refund_events_append_only
  BEFORE UPDATE OR DELETE ON refund_events
  FOR EACH ROW EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER refund_events_no_truncate
  BEFORE TRUNCATE ON refund_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_mutation();
