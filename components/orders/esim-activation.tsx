import type { EsimSummary } from "@/lib/orders/esim-activation";
import { EsimActivationReveal } from "./esim-activation-reveal";

/** An eSIM's ICCID, status and plan; its activation code (and QR) only through an audited reveal. */
export function EsimActivation({ esim, orderId, canReveal }: { esim: EsimSummary; orderId: string; canReveal: boolean }) {
  return (
    <div className="flex flex-wrap gap-6">
      {esim.hasActivationCode ? (
        <EsimActivationReveal orderId={orderId} canReveal={canReveal} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{esim.isInstalled ? "The eSIM is installed; the provider no longer returns its activation code." : "No activation code yet."}</p>
      )}
      <dl className="text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">ICCID</dt>
        <dd className="font-mono" data-testid="esim-iccid">
          {esim.iccid ?? "—"}
        </dd>
        <dt className="mt-2 text-zinc-600 dark:text-zinc-400">Activation status</dt>
        <dd data-testid="esim-activation-status">{esim.activationStatus.replace("_", " ").toLowerCase()}</dd>
        <dt className="mt-2 text-zinc-600 dark:text-zinc-400">Plan</dt>
        <dd>
          {esim.dataAmountGb} GB, {esim.validityDays} days
        </dd>
      </dl>
    </div>
  );
}
