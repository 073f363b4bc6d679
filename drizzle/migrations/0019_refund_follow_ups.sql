CREATE TYPE "public"."refund_follow_up_state" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TABLE "refund_follow_ups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "refund_follow_ups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"refund_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"note" text NOT NULL,
	"task" text NOT NULL,
	"assignee_user_id" uuid,
	"state" "refund_follow_up_state" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "provider_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refund_follow_ups" ADD CONSTRAINT "refund_follow_ups_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_follow_ups" ADD CONSTRAINT "refund_follow_ups_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_follow_ups" ADD CONSTRAINT "refund_follow_ups_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refund_follow_ups_refund_idx" ON "refund_follow_ups" USING btree ("refund_id","id");--> statement-breakpoint
-- Refunds already sent: the best time we have for their first request is when we recorded it.
UPDATE "refunds" AS r SET "provider_requested_at" = coalesce(
  (SELECT min(e."at") FROM "refund_events" AS e WHERE e."refund_id" = r."id" AND e."to_status" = 'requested'),
  r."created_at")
WHERE r."status" NOT IN ('awaiting_approval', 'rejected');--> statement-breakpoint
-- Follow-ups are history: never edited, never deleted (forbid_mutation() comes from migration 0001).
CREATE TRIGGER refund_follow_ups_append_only
  BEFORE UPDATE OR DELETE ON refund_follow_ups
  FOR EACH ROW EXECUTE FUNCTION forbid_mutation();
--> statement-breakpoint
CREATE TRIGGER refund_follow_ups_no_truncate
  BEFORE TRUNCATE ON refund_follow_ups
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_mutation();
