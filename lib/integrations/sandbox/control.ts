import { z } from "zod";
import type { Database } from "@/lib/platform/db/types";
import { advanceClock, clockOffsetMs } from "./core/clock";
import { clearFaults, faultSpecSchema, queueFault } from "./core/faults";
import { jsonResponse } from "./core/http";
import { redactBodyText, redactHeaders } from "./core/redact";
import { sandboxProviderNames } from "./core/provider-names";
import { sandboxTick } from "./core/tick";
import { listWebhookDeliveries } from "./core/webhooks";
import { sandboxProviders } from "./registry";

const advanceSchema = z
  .object({
    days: z.number().min(0).max(3650).optional(),
    hours: z.number().min(0).max(100_000).optional(),
    minutes: z.number().min(0).max(10_000_000).optional(),
    seconds: z.number().min(0).max(1_000_000_000).optional(),
    ms: z.number().int().min(0).optional(),
  })
  .refine((v) => Object.values(v).some((n) => n !== undefined), "give days, hours, minutes, seconds or ms");

const providerQuery = z.enum(sandboxProviderNames).optional();

/**
 * The sandbox's control surface (/api/sandbox-control/…), separate from every provider surface:
 *   GET  clock                 → { now, offsetMs }
 *   POST clock/advance         { days | hours | minutes | seconds | ms } → advances, then runs one tick
 *   POST tick                  → runs due events and webhook deliveries now
 *   POST faults                { provider, kind, method?, pathContains?, delayMs?, count? }
 *   DELETE faults[?provider=]  → clears queued faults
 *   GET  webhooks[?provider=]  → every delivery with attempts and last status
 */
export async function handleSandboxControl(
  request: Request,
  path: string,
  options: { db: Database; appUrl: string },
): Promise<Response> {
  const { db, appUrl } = options;
  const route = `${request.method} ${path.replace(/\/+$/, "")}`;
  const body = async () =>
    request.headers.get("content-type")?.includes("json") ? ((await request.json()) as unknown) : {};
  const tick = () => sandboxTick(db, sandboxProviders, { appUrl });
  try {
    switch (route) {
      case "GET /clock": {
        const offsetMs = await clockOffsetMs(db);
        return jsonResponse(200, { now: new Date(Date.now() + offsetMs).toISOString(), offsetMs });
      }
      case "POST /clock/advance": {
        const parsed = advanceSchema.safeParse(await body());
        if (!parsed.success) return jsonResponse(422, { error: z.prettifyError(parsed.error) });
        const { days = 0, hours = 0, minutes = 0, seconds = 0, ms = 0 } = parsed.data;
        const by = Math.round(ms + seconds * 1000 + minutes * 60_000 + hours * 3_600_000 + days * 86_400_000);
        const now = await advanceClock(db, by);
        const ran = await tick();
        return jsonResponse(200, { now: now.toISOString(), advancedMs: by, ...ran });
      }
      case "POST /tick":
        return jsonResponse(200, await tick());
      case "POST /faults": {
        const parsed = faultSpecSchema.safeParse(await body());
        if (!parsed.success) return jsonResponse(422, { error: z.prettifyError(parsed.error) });
        return jsonResponse(201, { id: await queueFault(db, parsed.data) });
      }
      case "DELETE /faults": {
        const provider = providerQuery.parse(new URL(request.url).searchParams.get("provider") ?? undefined);
        await clearFaults(db, provider);
        return jsonResponse(200, { cleared: true });
      }
      case "GET /webhooks": {
        const provider = providerQuery.parse(new URL(request.url).searchParams.get("provider") ?? undefined);
        // The simulator keeps what it sends; the listing shows it without codes, PINs or credentials (X-OCTOPUS-WEBHOOK-TOKEN).
        const deliveries = await listWebhookDeliveries(db, provider);
        return jsonResponse(
          200,
          deliveries.map((delivery) => ({
            ...delivery,
            body: redactBodyText(delivery.body),
            headers: redactHeaders(delivery.headers),
          })),
        );
      }
      default:
        return jsonResponse(404, { error: `no sandbox control endpoint ${route}` });
    }
  } catch (error) {
    if (error instanceof z.ZodError) return jsonResponse(422, { error: z.prettifyError(error) });
    if (error instanceof SyntaxError) return jsonResponse(400, { error: "the body is not valid JSON" });
    throw error;
  }
}
