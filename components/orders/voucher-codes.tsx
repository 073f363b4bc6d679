"use client";

import { useEffect, useRef, useState } from "react";
import { StepUpDownloadLink } from "@/components/auth/step-up-download-link";
import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button, buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { revealVoucherCodeAction } from "@/lib/app/actions/orders/reveal-voucher-code";
import type { RevealedVoucherCode, RevealedVoucherCodes } from "@/lib/domain/orders/voucher-codes";

const masked = "•••• •••• ••••";

/** One line per code for the clipboard: number, card number, PIN, claim link, tab-separated (pastes as spreadsheet columns). */
export const copyAllText = (codes: readonly RevealedVoucherCode[]): string =>
  codes.map((c) => [c.number, c.cardNumber ?? "", c.pinCode ?? "", c.claimUrl ?? ""].join("\t")).join("\n");

function RevealedCode({ code }: { code: RevealedVoucherCode }) {
  return (
    <>
      {code.cardNumber ? (
        <span>
          Card <code className="font-mono">{code.cardNumber}</code>{" "}
          <CopyButton value={code.cardNumber} label={`Copy card number ${code.number}`} />
        </span>
      ) : null}
      {code.pinCode ? (
        <span>
          PIN <code className="font-mono">{code.pinCode}</code>{" "}
          <CopyButton value={code.pinCode} label={`Copy PIN ${code.number}`} />
        </span>
      ) : null}
      {code.claimUrl ? (
        <a href={code.claimUrl} className="underline" rel="noreferrer noopener" target="_blank">
          Claim link {code.number}
        </a>
      ) : null}
      {code.expiresAt ? (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">expires {code.expiresAt.slice(0, 10)}</span>
      ) : null}
    </>
  );
}

/**
 * Voucher codes, masked until revealed, one at a time or all at once. Each reveal needs a fresh
 * second factor, asks the provider again and is audited; codes live only in this component's
 * state. `count` is how many codes were delivered (null: not known until revealed). Focus moves
 * to the first code revealed, so keyboard and screen reader users land on it.
 */
export function VoucherCodes({
  orderId,
  count,
  canReveal,
}: {
  orderId: string;
  count: number | null;
  canReveal: boolean;
}) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState<RevealedVoucherCodes>(revealVoucherCodeAction, {
    resetOnSuccess: false,
  });
  const [revealed, setRevealed] = useState<ReadonlyMap<number, RevealedVoucherCode>>(new Map());
  const [redemption, setRedemption] = useState<string[]>([]);
  const [focusOn, setFocusOn] = useState<number | null>(null);
  const [merged, setMerged] = useState(result);
  if (result !== merged) {
    setMerged(result);
    if (result?.ok) {
      setRevealed((before) => new Map([...before, ...result.data.codes.map((c) => [c.number, c] as const)]));
      setRedemption(result.data.redemption);
      setFocusOn(result.data.codes[0]?.number ?? null);
    }
  }
  const rowRefs = useRef(new Map<number, HTMLLIElement>());
  useEffect(() => {
    if (focusOn !== null) rowRefs.current.get(focusOn)?.focus();
  }, [focusOn, revealed]);

  const rowCount = Math.max(count ?? 0, ...revealed.keys());
  const numbers = Array.from({ length: rowCount }, (_, i) => i + 1);
  const revealedCodes = [...revealed.values()].sort((a, b) => a.number - b.number);
  const allRevealed = rowCount > 0 && revealed.size >= rowCount;

  return (
    <div className="space-y-3">
      {rowCount === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          How many codes were delivered is not known yet; revealing them shows every code the provider delivered.
        </p>
      ) : null}
      <ul className="space-y-2" aria-label="Voucher codes">
        {numbers.map((number) => {
          const code = revealed.get(number);
          return (
            <li
              key={number}
              ref={(element) => {
                if (element) rowRefs.current.set(number, element);
                else rowRefs.current.delete(number);
              }}
              tabIndex={code ? -1 : undefined}
              aria-label={`Code ${number}`}
              className="flex flex-wrap items-center gap-3 text-sm outline-offset-4"
              data-testid="voucher-code"
            >
              <span className="w-6 text-right text-zinc-600 tabular-nums dark:text-zinc-400">{number}.</span>
              {code ? (
                <RevealedCode code={code} />
              ) : (
                <>
                  <code className="font-mono text-zinc-600 dark:text-zinc-400" aria-label="Code hidden">
                    {masked}
                  </code>
                  {canReveal ? (
                    <form method="post" onSubmit={onSubmit}>
                      <input type="hidden" name="orderId" value={orderId} />
                      <input type="hidden" name="codeNumber" value={number} />
                      <button
                        type="submit"
                        disabled={pending}
                        aria-label={`Reveal code ${number}`}
                        className={buttonClass("secondary")}
                      >
                        Reveal
                      </button>
                    </form>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {redemption.length ? (
        <div className="text-sm">
          <h3 className="font-semibold">How to redeem</h3>
          <ul className="mt-1 list-disc pl-5" data-testid="redemption-steps">
            {redemption.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {canReveal ? (
        <div className="flex flex-wrap items-center gap-3">
          {!allRevealed ? (
            <form method="post" onSubmit={onSubmit}>
              <input type="hidden" name="orderId" value={orderId} />
              <Button type="submit" variant="secondary" disabled={pending}>
                {pending ? "Revealing…" : "Reveal codes"}
              </Button>
            </form>
          ) : null}
          {revealedCodes.length ? (
            <CopyButton value={copyAllText(revealedCodes)} label={`Copy all ${revealedCodes.length} revealed codes`} />
          ) : null}
          <StepUpDownloadLink href={`/api/orders/${orderId}/codes`} className={buttonClass("secondary")}>
            Export all codes (CSV)
          </StepUpDownloadLink>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            Every reveal and export is recorded in the audit log.
          </span>
        </div>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Only the person who placed this order or an admin can reveal or export its codes.
        </p>
      )}
      <FormStatus result={result} />
      {dialog}
    </div>
  );
}
