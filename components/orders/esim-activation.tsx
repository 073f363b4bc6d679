import QRCode from "qrcode";
import { CopyButton } from "@/components/ui/copy-button";
import type { EsimOrder } from "@/lib/providers/octopus-cards/types";

/** The LPA activation string as a QR code (SVG, rendered on the server) and the ICCID, while the provider still returns them. */
export async function EsimActivation({ esim }: { esim: EsimOrder }) {
  const svg = esim.activationCode ? await QRCode.toString(esim.activationCode, { type: "svg", errorCorrectionLevel: "M", margin: 1 }) : null;
  return (
    <div className="flex flex-wrap gap-6">
      {svg && esim.activationCode ? (
        <figure className="w-48">
          <div role="img" aria-label="eSIM activation QR code" data-testid="esim-qr" className="rounded bg-white p-2" dangerouslySetInnerHTML={{ __html: svg }} />
          <figcaption className="mt-2 text-xs break-all">
            <code>{esim.activationCode}</code> <CopyButton value={esim.activationCode} label="Copy activation code" />
          </figcaption>
        </figure>
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
