"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { importPaymentAction } from "@/lib/app/actions/payments/import-payment";
import { paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import { paymentProviderProfiles } from "@/lib/integrations/providers/provider-profiles";

const isProviderName = (value: string): value is PaymentProviderName =>
  (paymentProviders as readonly string[]).includes(value);

/** Import by id; on success the payment's page opens. A refused submission keeps what was typed. */
export function ImportPaymentForm() {
  const router = useRouter();
  const { result, pending, onSubmit } = useKeptFormAction(importPaymentAction);
  const [provider, setProvider] = useState<PaymentProviderName>(paymentProviders[0]);
  const [paymentId, setPaymentId] = useState("");
  const [currency, setCurrency] = useState("");
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  useEffect(() => {
    if (result?.ok) router.push(`/payments/${result.data.paymentId}`);
  }, [result, router]);
  const profile = paymentProviderProfiles[provider];
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="grid gap-4 sm:grid-cols-2"
      aria-label="Import a payment"
      noValidate
    >
      <Field id="import-provider" label="Provider" errors={errors?.provider}>
        <SelectInput
          id="import-provider"
          name="provider"
          value={provider}
          onChange={(event) => {
            if (isProviderName(event.target.value)) setProvider(event.target.value);
          }}
          errors={errors?.provider}
          aria-describedby={describedBy("import-provider", errors?.provider)}
        >
          {paymentProviders.map((name) => (
            <option key={name} value={name}>
              {paymentProviderProfiles[name].fullLabel}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field id="import-payment-id" label="Payment id" errors={errors?.paymentId} hint={profile.import.idHint}>
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
      {profile.import.currencies ? (
        <Field id="import-currency" label="Currency" errors={errors?.currency} hint={profile.import.currencyHint}>
          <SelectInput
            id="import-currency"
            name="currency"
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
            errors={errors?.currency}
            aria-describedby={describedBy("import-currency", errors?.currency, "hint")}
          >
            <option value="">—</option>
            {profile.import.currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
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
