import QRCode from "qrcode";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { CustomerPaysLinks } from "@/lib/domain/payments/customer-pays";

async function qrDataUri(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** What to hand the customer while the payment waits for them: a QR code, the page link, the app link. */
export async function CustomerPaysPanel({ links }: { links: CustomerPaysLinks }) {
  const qr = links.landingUrl ? await qrDataUri(links.landingUrl) : null;
  return (
    <Card title="Customer pays" className="mt-6">
      <div className="flex flex-wrap gap-6">
        {qr && links.landingUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URI, nothing for next/image to optimise
          <img
            src={qr}
            width={176}
            height={176}
            alt={`QR code of the payment page ${links.landingUrl}`}
            className="rounded border border-zinc-200 bg-white dark:border-zinc-700"
          />
        ) : null}
        <dl className="min-w-0 flex-1 space-y-4 text-sm">
          {links.landingUrl ? (
            <div>
              <dt className="font-medium">Payment page</dt>
              <dd className="mt-1 break-all font-mono text-xs">{links.landingUrl}</dd>
              <dd className="mt-2 flex flex-wrap items-center gap-2">
                <a
                  href={links.landingUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-indigo-700 underline dark:text-indigo-300"
                >
                  Open<span className="sr-only"> the payment page in a new tab</span>
                </a>
                <CopyButton value={links.landingUrl} label="Copy the payment page URL" />
              </dd>
            </div>
          ) : null}
          {links.octopusUri ? (
            <div>
              <dt className="font-medium">Octopus app link</dt>
              <dd className="mt-1 break-all font-mono text-xs">{links.octopusUri}</dd>
              <dd className="mt-2">
                <CopyButton value={links.octopusUri} label="Copy the Octopus app link" />
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
    </Card>
  );
}
