CREATE TABLE "payment_money_buckets" (
	"bucket_start" timestamp with time zone NOT NULL,
	"currency" char(3) NOT NULL,
	"captured_count" bigint DEFAULT 0 NOT NULL,
	"captured_minor" numeric(38, 0) DEFAULT 0 NOT NULL,
	"refunded_minor" numeric(38, 0) DEFAULT 0 NOT NULL,
	CONSTRAINT "payment_money_buckets_bucket_start_currency_pk" PRIMARY KEY("bucket_start","currency")
);
--> statement-breakpoint
-- Kept by statement triggers with transition tables: one aggregate upsert per statement, however
-- many rows it touched. Every change of a payment's captured or refunded amount, or of its status
-- to or from captured, moves its slot; an update that changes none of them writes nothing.
CREATE OR REPLACE FUNCTION payment_money_bucket_of(created_at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$ SELECT date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_money_buckets_on_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO payment_money_buckets AS b (bucket_start, currency, captured_count, captured_minor, refunded_minor)
  SELECT payment_money_bucket_of(d.created_at), d.currency, sum(d.captured_count), sum(d.captured_minor), sum(d.refunded_minor)
  FROM (
    SELECT n.created_at, n.currency, (n.status = 'captured')::int AS captured_count, n.captured_minor, n.refunded_minor
    FROM new_rows n
  ) d
  GROUP BY 1, 2
  HAVING sum(d.captured_count) <> 0 OR sum(d.captured_minor) <> 0 OR sum(d.refunded_minor) <> 0
  -- One lock order for every statement, so two never wait on each other's slots.
  ORDER BY 1, 2
  ON CONFLICT (bucket_start, currency) DO UPDATE SET
    captured_count = b.captured_count + excluded.captured_count,
    captured_minor = b.captured_minor + excluded.captured_minor,
    refunded_minor = b.refunded_minor + excluded.refunded_minor;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_money_buckets_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO payment_money_buckets AS b (bucket_start, currency, captured_count, captured_minor, refunded_minor)
  SELECT payment_money_bucket_of(d.created_at), d.currency, sum(d.captured_count), sum(d.captured_minor), sum(d.refunded_minor)
  FROM (
    SELECT n.created_at, n.currency, (n.status = 'captured')::int AS captured_count, n.captured_minor, n.refunded_minor
    FROM new_rows n
    UNION ALL
    SELECT o.created_at, o.currency, -(o.status = 'captured')::int, -o.captured_minor, -o.refunded_minor
    FROM old_rows o
  ) d
  GROUP BY 1, 2
  HAVING sum(d.captured_count) <> 0 OR sum(d.captured_minor) <> 0 OR sum(d.refunded_minor) <> 0
  -- One lock order for every statement, so two never wait on each other's slots.
  ORDER BY 1, 2
  ON CONFLICT (bucket_start, currency) DO UPDATE SET
    captured_count = b.captured_count + excluded.captured_count,
    captured_minor = b.captured_minor + excluded.captured_minor,
    refunded_minor = b.refunded_minor + excluded.refunded_minor;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_money_buckets_insert AFTER INSERT ON payments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_money_buckets_on_insert();
--> statement-breakpoint
CREATE TRIGGER payment_money_buckets_update AFTER UPDATE ON payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_money_buckets_on_update();
--> statement-breakpoint
-- Payments are never deleted (nothing in the app deletes one); the slots of a ledger that already
-- holds payments are filled once here.
INSERT INTO payment_money_buckets (bucket_start, currency, captured_count, captured_minor, refunded_minor)
SELECT payment_money_bucket_of(created_at), currency, count(*) FILTER (WHERE status = 'captured'),
  sum(captured_minor), sum(refunded_minor)
FROM payments GROUP BY 1, 2;
