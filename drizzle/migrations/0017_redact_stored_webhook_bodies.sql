-- Receipts stored before redaction existed kept voucher codes, PINs, eSIM activation codes and
-- credentials in their bodies. Receipts are append-only (migration 0004), so this one-off
-- correction lifts the row trigger for exactly this statement, replaces the value of every secret
-- key (string values, the shape every provider sends) by "[redacted]", and puts the trigger back.
-- The raw bodies' hashes cannot be recovered, so those rows keep raw_body_sha256 null.
ALTER TABLE webhook_receipts DISABLE TRIGGER webhook_receipts_append_only;
--> statement-breakpoint
UPDATE webhook_receipts
SET raw_body = regexp_replace(
  raw_body,
  '("(card_?number|pin|pin_?code|claim_?url|activation_?code|lpa|lpa_?string|qr_?code|matching_?id|confirmation_?code|cvv|cvc|authorization|api_?key|notify_?key|signing_?key|private_?key|[a-z_-]*secret[a-z_-]*|[a-z_-]*token[a-z_-]*|[a-z_-]*passw(or)?d[a-z_-]*)"\s*:\s*)"(?:[^"\\]|\\.)*"',
  '\1"[redacted]"',
  'gi'
)
WHERE raw_body ~* '"(card_?number|pin|pin_?code|claim_?url|activation_?code|lpa|lpa_?string|qr_?code|matching_?id|confirmation_?code|cvv|cvc|authorization|api_?key|notify_?key|signing_?key|private_?key|[a-z_-]*secret[a-z_-]*|[a-z_-]*token[a-z_-]*|[a-z_-]*passw(or)?d[a-z_-]*)"\s*:\s*"';
--> statement-breakpoint
ALTER TABLE webhook_receipts ENABLE TRIGGER webhook_receipts_append_only;
