"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { revealVoucherCodeAction } from "@/lib/actions/orders/reveal-voucher-code";
import type { RevealedVoucherCode } from "@/lib/orders/voucher-codes";

const masked = "•••• •••• ••••";

/** Voucher codes, masked until revealed; each reveal needs a fresh second factor, asks the provider again and is audited. */
export function VoucherCodes({ orderId, quantity, canReveal }: { orderId: string; quantity: number; canReveal: boolean }) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState<{ codes: RevealedVoucherCode[] }>(revealVoucherCodeAction);
  const codes = result?.ok ? result.data.codes : null;
  return (
    <div className="space-y-3">
      <ul className="space-y-2" aria-label="Voucher codes">
        {(codes ?? Array.from({ length: quantity }, () => null)).map((code, index) => (
          <li key={index} className="flex flex-wrap items-center gap-3 text-sm" data-testid="voucher-code">
            {code ? (
              <>
                {code.cardNumber ? (
                  <span>
                    Card <code className="font-mono">{code.cardNumber}</code> <CopyButton value={code.cardNumber} label={`Copy card number ${index + 1}`} />
                  </span>
                ) : null}
                {code.pinCode ? (
                  <span>
                    PIN <code className="font-mono">{code.pinCode}</code> <CopyButton value={code.pinCode} label={`Copy PIN ${index + 1}`} />
                  </span>
                ) : null}
                {code.claimUrl ? (
                  <a href={code.claimUrl} className="underline" rel="noreferrer noopener" target="_blank">
                    Claim link
                  </a>
                ) : null}
                {code.expiresAt ? <span className="text-xs text-zinc-500 dark:text-zinc-400">expires {code.expiresAt.slice(0, 10)}</span> : null}
              </>
            ) : (
              <code className="font-mono text-zinc-500 dark:text-zinc-400" aria-label="Code hidden">
                {masked}
              </code>
            )}
          </li>
        ))}
      </ul>
      {canReveal && !codes ? (
        <form method="post" onSubmit={onSubmit} className="flex items-center gap-3">
          <input type="hidden" name="orderId" value={orderId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Revealing…" : "Reveal codes"}
          </Button>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">Every reveal is recorded in the audit log.</span>
        </form>
      ) : null}
      <FormStatus result={result} />
      {dialog}
    </div>
  );
}
