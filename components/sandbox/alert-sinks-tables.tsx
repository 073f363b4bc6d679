import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/ui/utc-time";

export interface SinkEmailRow {
  id: string;
  to: string[];
  subject: string;
  receivedAt: Date;
}

export interface SinkWebhookRow {
  id: string;
  text: string;
  deliveryKey: string | null;
  signatureValid: boolean;
  receivedAt: Date;
}

export function MailSinkTable({ emails }: { emails: SinkEmailRow[] }) {
  return (
    <DataTable
      caption="Alert email caught by the sandbox mail sink, newest first"
      columns={["Received (UTC)", "To", "Subject"]}
    >
      {emails.map((email) => (
        <tr key={email.id} data-testid="sink-email">
          <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
            <UtcTime value={email.receivedAt} />
          </td>
          <td className="px-3 py-2 break-all">{email.to.join(", ")}</td>
          <td className="px-3 py-2">{email.subject}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function WebhookSinkTable({ webhooks }: { webhooks: SinkWebhookRow[] }) {
  return (
    <DataTable
      caption="Signed alert webhooks received by the sandbox webhook sink, newest first"
      columns={["Received (UTC)", "Message", "Signature", "Delivery key"]}
    >
      {webhooks.map((webhook) => (
        <tr key={webhook.id} data-testid="sink-webhook">
          <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
            <UtcTime value={webhook.receivedAt} />
          </td>
          <td className="px-3 py-2">{webhook.text}</td>
          <td className="px-3 py-2" data-testid="sink-webhook-signature">
            {webhook.signatureValid ? "Valid" : "Invalid"}
          </td>
          <td className="px-3 py-2 font-mono text-xs break-all">{webhook.deliveryKey ?? "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
