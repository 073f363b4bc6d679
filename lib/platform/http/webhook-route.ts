import { log } from "@/lib/platform/log/logger";
import { withRequestContext } from "@/lib/platform/log/request-context";
import { requestIdOf } from "./incoming-request-id";
import { readLimitedBody } from "./read-limited-body";

export interface WebhookAnswer {
  httpStatus: number;
  outcome: string;
  detail?: string;
}

/**
 * The shell every provider webhook receiver shares: the raw body read up to a limit (413 above
 * it), the receiver's verdict as JSON with its status, and a 5xx for anything unexpected, which
 * makes the provider retry later. Authentication (the signature) is the receiver's first step.
 * Every log line of the delivery carries its request id.
 */
export function handleWebhook(request: Request, options: WebhookRouteOptions): Promise<Response> {
  return withRequestContext({ requestId: requestIdOf(request) }, () => receiveWebhook(request, options));
}

interface WebhookRouteOptions {
  name: string;
  maxBodyBytes: number;
  what: "event" | "callback";
  receive: (rawBody: string) => Promise<WebhookAnswer>;
  /** Counts an oversized delivery (nothing of it is stored); its failure never changes the 413. */
  countTooLarge?: () => Promise<unknown>;
}

async function receiveWebhook(request: Request, options: WebhookRouteOptions): Promise<Response> {
  const rawBody = await readLimitedBody(request, options.maxBodyBytes);
  if (rawBody === null) {
    await options
      .countTooLarge?.()
      .catch((error: unknown) =>
        log.error({ webhook: options.name, err: error }, "could not count an oversized delivery"),
      );
    return Response.json({ error: "body too large" }, { status: 413 });
  }
  try {
    const result = await options.receive(rawBody);
    return Response.json(
      { outcome: result.outcome, ...(result.detail && { detail: result.detail }) },
      { status: result.httpStatus },
    );
  } catch (error) {
    log.error({ webhook: options.name, err: error }, "webhook delivery failed");
    return Response.json({ error: `could not process the ${options.what}` }, { status: 500 });
  }
}
