import type { OrderDeps } from "@/lib/domain/orders/place-order";
import type { RefundDeps } from "@/lib/domain/refunds/send-refund";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { checkoutWebhookResponse } from "@/lib/integrations/providers/checkout/webhook/respond";
import { octoNotifyResponse } from "@/lib/integrations/providers/octo/webhook/respond";
import { octopusCardsWebhookResponse } from "@/lib/integrations/providers/octopus-cards/webhook/respond";

export interface AppProcess {
  refundDeps: RefundDeps;
  orderDeps: OrderDeps;
}

/**
 * The sandbox's webhook sender, delivering straight to our three receivers (what the app's routes
 * run) with the current process's deps and the sandbox clock, instead of over HTTP to Next.js.
 */
export function webhookSink(app: () => AppProcess): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const { refundDeps, orderDeps } = app();
    if (path.endsWith("/api/webhooks/checkout"))
      return checkoutWebhookResponse(
        request,
        refundDeps.db,
        sandboxCredentials.checkout.webhookSecret,
        refundDeps.now(),
      );
    if (path.endsWith("/api/webhooks/octopus-cards"))
      return octopusCardsWebhookResponse(request, orderDeps, sandboxCredentials.octopusCards.webhookSecret);
    // OCTO calls the notify_url given with each payment (the test payments use …/notify).
    if (path.endsWith("/notify"))
      return octoNotifyResponse(
        request,
        refundDeps.db,
        { client: refundDeps.clients.octo, refunds: refundDeps },
        sandboxCredentials.octo.notifyKey,
        refundDeps.now(),
      );
    return Response.json({ error: "not found" }, { status: 404 });
  };
}
