"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass, SelectInput, TextInput } from "@/components/ui/field";
import { keepTabInside } from "@/components/ui/focus-trap";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { issueRefundAction, type IssuedRefund } from "@/lib/app/actions/refunds/issue-refund";
import { formatMinor } from "@/lib/platform/money/convert";
import { refundReasonLabels } from "@/lib/domain/refunds/refund-input";
import { sameAmountRecently, type RecentRefund } from "@/lib/domain/refunds/recent-refunds";
import { checkRefundForm, refundBlockedSentence, refundRuleLine } from "@/lib/domain/refunds/refund-form-check";
import { refundableMinorOf, type RefundablePayment } from "@/lib/domain/refunds/refund-rules";
import type { PaymentProviderName } from "@/lib/integrations/providers/provider-profile";
import { paymentProviderProfileFor } from "@/lib/integrations/providers/provider-profiles";

export interface RefundDialogPayment {
  id: string;
  provider: PaymentProviderName;
  status: string;
  currency: string;
  /** bigint minor units as strings (server → client). */
  capturedMinor: string;
  refundReservedMinor: string;
  /** Other refunds of this payment awaiting approval: no money held yet, but there will be if approved. */
  awaitingApprovalMinor: string;
  /** Refunds made on this payment in the last few minutes (a same-amount one is warned about). */
  recentRefunds: RecentRefund[];
}

const reasons = Object.entries(refundReasonLabels) as [keyof typeof refundReasonLabels, string][];

/**
 * Issue a full or partial refund. The provider's rules run here as the user types, with the
 * numbers, and *Issue refund* stays off while one fails, with the sentence saying why beside it
 * (the server re-checks everything under the payment's row lock). The idempotency key is minted when
 * the dialog opens and sent with every submission, so a double click, submissions queued
 * together or a retry after a lost answer show the first refund instead of making another. It
 * is renewed only after the provider refused (a definite answer: nothing was refunded); after a
 * refund was made the dialog closes, and the next refund starts with the next opening.
 */
export function RefundDialog({
  payment,
  thresholdMinor,
  sandboxTriggers,
}: {
  payment: RefundDialogPayment;
  thresholdMinor: string;
  sandboxTriggers: boolean;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [session, setSession] = useState({ opened: 0, key: "" });
  const [lastResult, setLastResult] = useState<ActionResult<IssuedRefund> | null>(null);

  function open() {
    // A fresh form (and key) per opening; retries inside one opening keep the key.
    setSession((previous) => ({ opened: previous.opened + 1, key: crypto.randomUUID() }));
    setLastResult(null);
    dialogRef.current?.showModal();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      {/* "Issue a new refund" under a refund that never reached the customer links here. */}
      <Button type="button" id="refund-open" onClick={open}>
        Refund…
      </Button>
      {lastResult?.ok ? (
        <p role="status" className="max-w-xs text-right text-sm text-emerald-700 dark:text-emerald-400">
          {lastResult.message}
        </p>
      ) : null}
      <dialog
        ref={dialogRef}
        aria-labelledby="refund-dialog-title"
        onKeyDown={keepTabInside}
        className="m-auto w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="refund-dialog-title" className="mb-3 text-lg font-semibold">
          Refund this payment
        </h2>
        {session.opened > 0 ? (
          <RefundForm
            key={session.opened}
            initialKey={session.key}
            payment={payment}
            thresholdMinor={thresholdMinor}
            sandboxTriggers={sandboxTriggers}
            onClose={() => dialogRef.current?.close()}
            onIssued={(answer) => {
              setLastResult(answer);
              if (!answer.data.refused) dialogRef.current?.close();
            }}
          />
        ) : null}
      </dialog>
    </div>
  );
}

function RefundForm({
  initialKey,
  payment: props,
  thresholdMinor,
  sandboxTriggers,
  onClose,
  onIssued,
}: {
  initialKey: string;
  payment: RefundDialogPayment;
  thresholdMinor: string;
  sandboxTriggers: boolean;
  onClose: () => void;
  onIssued: (answer: Extract<ActionResult<IssuedRefund>, { ok: true }>) => void;
}) {
  const router = useRouter();
  const keyRef = useRef(initialKey);
  const [kind, setKind] = useState<"full" | "partial">("full");
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState<string>("");
  const payment: RefundablePayment = {
    ...props,
    capturedMinor: BigInt(props.capturedMinor),
    refundReservedMinor: BigInt(props.refundReservedMinor),
  };
  const money = (minor: bigint) => formatMinor(minor, payment.currency);
  const refundable = refundableMinorOf(payment);
  const threshold = BigInt(thresholdMinor);

  // Above the approval threshold the server asks for a fresh second factor first (STEP_UP_REQUIRED):
  // the hook's dialog asks for it and re-sends this same submission, with the same key.
  const { result, onSubmit, pending, dialog } = useStepUpActionState<IssuedRefund>(async (previous, formData) => {
    formData.set("idempotencyKey", keyRef.current);
    const answer = await issueRefundAction(previous, formData);
    if (answer.ok) {
      // Only a refusal frees the key; a refund that was made keeps it, so a submission queued
      // behind this one replays this refund instead of making a second.
      if (answer.data.refused) keyRef.current = crypto.randomUUID();
      onIssued(answer);
      router.refresh();
    } else if (answer.code === "PROVIDER_REFUSED") {
      keyRef.current = crypto.randomUUID();
    }
    return answer;
  });

  const check = checkRefundForm(payment, { kind, amount: typed }, { sandboxTriggers });
  const { amountMinor } = check;
  const violations = check.unreadable ? [] : check.amountErrors;
  const blocked = check.amountErrors.length > 0;
  const sameAmount = sameAmountRecently(props.recentRefunds, amountMinor);
  const awaiting = BigInt(props.awaitingApprovalMinor);
  const leftAfterApprovals = refundable - awaiting > 0n ? refundable - awaiting : 0n;
  const beyondApprovals =
    awaiting > 0n && amountMinor !== null && violations.length === 0 && amountMinor > leftAfterApprovals;
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  // What the typed text itself gets wrong shows on the field at once; the server's answer replaces it.
  const amountErrors = errors?.amount ?? (check.unreadable ? check.amountErrors : undefined);

  return (
    <>
      <form method="post" onSubmit={onSubmit} className="space-y-4" aria-label="Refund" noValidate>
        <input type="hidden" name="paymentId" value={props.id} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Refund</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value="full" checked={kind === "full"} onChange={() => setKind("full")} />
            Full: {money(refundable > 0n ? refundable : 0n)} (everything still refundable)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="kind"
              value="partial"
              checked={kind === "partial"}
              onChange={() => setKind("partial")}
            />
            Partial
          </label>
        </fieldset>
        {kind === "partial" ? (
          <Field
            id="refund-amount"
            label="Amount"
            errors={amountErrors}
            hint={`In ${payment.currency} major units, e.g. 20.00`}
          >
            <TextInput
              id="refund-amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              errors={amountErrors}
              aria-describedby={describedBy("refund-amount", amountErrors, "hint")}
            />
          </Field>
        ) : errors?.amount ? (
          <p className="text-xs text-red-600 dark:text-red-400">Amount {errors.amount.join("; ")}</p>
        ) : null}
        <Field id="refund-reason" label="Reason" errors={errors?.reason}>
          <SelectInput
            id="refund-reason"
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={errors?.reason}
            aria-describedby={describedBy("refund-reason", errors?.reason)}
          >
            <option value="">Choose a reason</option>
            {reasons.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field
          id="refund-note"
          label={reason === "other" ? "Note (required)" : "Note (optional)"}
          errors={errors?.note}
        >
          <textarea
            id="refund-note"
            name="note"
            rows={2}
            maxLength={500}
            className={inputClass}
            aria-invalid={errors?.note ? true : undefined}
            aria-describedby={describedBy("refund-note", errors?.note)}
          />
        </Field>

        <section
          aria-labelledby="refund-checks-heading"
          className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-800/50"
        >
          <h3 id="refund-checks-heading" className="mb-1 font-medium">
            Checks before sending
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
            <li>
              Still refundable: {money(payment.capturedMinor)} captured − {money(payment.refundReservedMinor)} in other
              refunds (requested, pending, unknown or approved) = {money(refundable > 0n ? refundable : 0n)}.
            </li>
            {awaiting > 0n ? (
              <li>
                Awaiting approval: {money(awaiting)} in other refunds; if they are approved, {money(leftAfterApprovals)}{" "}
                is left.
              </li>
            ) : null}
            <li>{paymentProviderProfileFor(payment.provider).refundRulesSummary(payment, money)}</li>
            <li>
              Refunds above {money(threshold)} wait for a second finance user or admin to approve them
              {amountMinor !== null ? (amountMinor > threshold ? ": this one will." : ": this one will not.") : "."}
            </li>
          </ul>
          {violations.length ? (
            <ul
              aria-label="Rules this refund breaks"
              className="mt-2 space-y-1 text-red-700 dark:text-red-400"
              data-testid="refund-violations"
            >
              {violations.map((violation) => (
                <li key={violation}>{refundRuleLine(violation)}</li>
              ))}
            </ul>
          ) : beyondApprovals ? (
            <p className="mt-2 text-amber-800 dark:text-amber-200" data-testid="beyond-approvals">
              {money(amountMinor)} fits what is refundable now, but not beside the {money(awaiting)} awaiting approval:
              if those are approved first, this one will be refused, and if this one goes first, they will be.
            </p>
          ) : amountMinor !== null && amountMinor > 0n ? (
            <p className="mt-2 text-emerald-700 dark:text-emerald-400">
              Refund of {money(amountMinor)} passes every rule.
            </p>
          ) : null}
        </section>

        {sameAmount ? (
          <p
            className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-950/40 dark:text-amber-200"
            data-testid="recent-same-amount"
          >
            A refund of {money(BigInt(sameAmount.amountMinor))} was already requested on this payment at{" "}
            {sameAmount.createdAt.slice(11, 19)} UTC
            {sameAmount.requestedBy ? ` by ${sameAmount.requestedBy}` : ""}: check this is not the same refund before
            issuing another.
          </p>
        ) : null}
        <FormStatus result={result?.ok ? null : result} />
        {result?.ok && result.data.refused ? (
          <p className="text-sm text-red-600 dark:text-red-400">{result.message}</p>
        ) : null}
        <div className="flex flex-wrap items-center justify-end gap-2">
          {/* Always in the page, so a screen reader hears the sentence when it appears or changes. */}
          <p
            id="refund-blocked"
            aria-live="polite"
            aria-atomic="true"
            className="mr-auto basis-full text-sm text-red-700 sm:basis-auto sm:flex-1 dark:text-red-400"
          >
            {blocked ? refundBlockedSentence(check.amountErrors) : ""}
          </p>
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending || blocked} aria-describedby={blocked ? "refund-blocked" : undefined}>
            {pending ? "Sending…" : "Issue refund"}
          </Button>
        </div>
      </form>
      {dialog}
    </>
  );
}
