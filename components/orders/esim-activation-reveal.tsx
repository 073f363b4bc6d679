"use client";

import { useEffect, useRef } from "react";
import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { revealEsimActivationAction } from "@/lib/app/actions/orders/reveal-esim-activation";
import type { RevealedEsimActivation } from "@/lib/domain/orders/esim-activation";

const masked = "LPA:1$•••••••••••••••$••••••••••••";

/**
 * The LPA activation string and its QR code, masked until revealed: each reveal asks the
 * provider again and is audited. Focus moves to what was revealed, so a keyboard or screen
 * reader user lands on the code rather than back at the top of the page.
 */
export function EsimActivationReveal({ orderId, canReveal }: { orderId: string; canReveal: boolean }) {
  const { result, onSubmit, pending, dialog } =
    useStepUpActionState<RevealedEsimActivation>(revealEsimActivationAction);
  const revealed = result?.ok ? result.data : null;
  const revealedRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (revealed) revealedRef.current?.focus();
  }, [revealed]);

  if (revealed) {
    return (
      <figure
        ref={revealedRef}
        tabIndex={-1}
        aria-label="eSIM activation code"
        className="w-48 outline-offset-4"
        data-testid="esim-activation-revealed"
      >
        <div
          role="img"
          aria-label="eSIM activation QR code"
          data-testid="esim-qr"
          className="rounded bg-white p-2"
          dangerouslySetInnerHTML={{ __html: revealed.qrSvg }}
        />
        <figcaption className="mt-2 text-xs break-all">
          <code data-testid="esim-activation-code">{revealed.activationCode}</code>{" "}
          <CopyButton value={revealed.activationCode} label="Copy activation code" />
        </figcaption>
        <FormStatus result={result} />
      </figure>
    );
  }
  return (
    <div className="w-64 space-y-3">
      <code
        className="block font-mono text-xs break-all text-zinc-500 dark:text-zinc-400"
        aria-label="Activation code hidden"
      >
        {masked}
      </code>
      {canReveal ? (
        <form method="post" onSubmit={onSubmit} className="space-y-2">
          <input type="hidden" name="orderId" value={orderId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Revealing…" : "Reveal activation code"}
          </Button>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            The QR code appears after the reveal. Every reveal is recorded in the audit log.
          </p>
        </form>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Only the person who placed this order or an admin can reveal the activation code.
        </p>
      )}
      <FormStatus result={result} />
      {dialog}
    </div>
  );
}
