"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { importPaymentAction } from "@/lib/actions/payments/import-payment";

/** Import by id; on success the payment's page opens. A refused submission keeps what was typed. */
export function ImportPaymentForm() {
  const router = useRouter();
  const { result, pending, onSubmit } = useKeptFormAction(importPaymentAction);
  const [provider, setProvider] = useState<"checkout" | "octo">("checkout");
  const [paymentId, setPaymentId] = useState("");
  const [currency, setCurrency] = useState("");
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  useEffect(() => {
    if (result?.ok) router.push(`/payments/${result.data.paymentId}`);
  }, [result, router]);
  const idHint =
    provider === "checkout"
      ? "The Checkout.com payment id: pay_ followed by 26 letters or digits."
      : "The shop_transaction_id. OCTO looks payments up by shop_transaction_id only, so a payment UUID works only for a payment already in the ledger.";
  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label="Import a payment" noValidate>
      <Field id="import-provider" label="Provider" errors={errors?.provider}>
        <SelectInput
          id="import-provider"
          name="provider"
          value={provider}
          onChange={(event) => setProvider(event.target.value === "octo" ? "octo" : "checkout")}
          errors={errors?.provider}
          aria-describedby={describedBy("import-provider", errors?.provider)}
        >
          <option value="checkout">Checkout.com (Octopus)</option>
          <option value="octo">OCTO</option>
        </SelectInput>
      </Field>
      <Field id="import-payment-id" label="Payment id" errors={errors?.paymentId} hint={idHint}>
        <TextInput
          id="import-payment-id"
          name="paymentId"
          value={paymentId}
          onChange={(event) => setPaymentId(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          errors={errors?.paymentId}
          aria-describedby={describedBy("import-payment-id", errors?.paymentId, "hint")}
        />
      </Field>
      {provider === "octo" ? (
        <Field
          id="import-currency"
          label="Currency"
          errors={errors?.currency}
          hint="OCTO's answers carry no currency: give the one the payment was made in (see the OCTO merchant cabinet); the ledger records that staff gave it. Not needed for a payment already in the ledger."
        >
          <SelectInput
            id="import-currency"
            name="currency"
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
            errors={errors?.currency}
            aria-describedby={describedBy("import-currency", errors?.currency, "hint")}
          >
            <option value="">—</option>
            <option value="UZS">UZS</option>
            <option value="USD">USD</option>
            <option value="RUB">RUB</option>
          </SelectInput>
        </Field>
      ) : null}
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import payment"}
        </Button>
        <FormStatus result={result} />
      </div>
    </form>
  );
}
