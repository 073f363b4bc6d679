import type { EsimSummary } from "@/lib/domain/orders/esim-activation";
import { EsimActivationReveal } from "./esim-activation-reveal";

/**
 * An eSIM's ICCID, status and plan; its activation code (and QR) only through an audited reveal.
 * The ICCID and status come from the provider when it answered, else from what we kept (the
 * provider stops returning the ICCID once the eSIM is installed).
 */
export function EsimActivation({
  esim,
  kept,
  orderId,
  canReveal,
}: {
  esim: EsimSummary | null;
  kept: { iccid: string | null; activationStatus: string | null };
  orderId: string;
  canReveal: boolean;
}) {
  const iccid = esim?.iccid ?? kept.iccid;
  const activationStatus = esim?.activationStatus ?? kept.activationStatus;
  return (
    <div className="flex flex-wrap gap-6">
      {esim?.hasActivationCode ? (
        <EsimActivationReveal orderId={orderId} canReveal={canReveal} />
      ) : esim ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {esim.isInstalled
            ? "The eSIM is installed; the provider no longer returns its activation code."
            : "No activation code yet."}
        </p>
      ) : null}
      <dl className="text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">ICCID</dt>
        <dd className="font-mono" data-testid="esim-iccid">
          {iccid ?? "—"}
        </dd>
        <dt className="mt-2 text-zinc-600 dark:text-zinc-400">Activation status</dt>
        <dd data-testid="esim-activation-status">
          {activationStatus ? activationStatus.replace("_", " ").toLowerCase() : "—"}
        </dd>
        {esim ? (
          <>
            <dt className="mt-2 text-zinc-600 dark:text-zinc-400">Plan</dt>
            <dd>
              {esim.dataAmountGb} GB, {esim.validityDays} days
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
