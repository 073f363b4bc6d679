import { z } from "zod";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { getStoredOrder, saveStoredOrder, type Vertical } from "./orders";
import { numericId, parseBody } from "./request";
import { notFound } from "./responses";

const emailSchema = z.object({ email: z.email().max(254) });
const orderNotFound = () => notFound("Order not found");

/** PATCH /api/v1/{topups|esim}/orders/:id/notification-email — the same for both verticals. */
export async function setNotificationEmail<W extends object>(
  request: SandboxRequest,
  params: Record<string, string>,
  vertical: Extract<Vertical, "topup" | "esim">,
  toWire: (order: W) => unknown,
): Promise<Response> {
  const body = parseBody(request, emailSchema, "email is required");
  const orderId = numericId(params.id, orderNotFound);
  const order = await request.db.transaction(async (tx) => {
    const stored = await getStoredOrder<W>(tx, vertical, orderId, true);
    if (!stored) throw orderNotFound();
    const next = { ...stored, order: { ...stored.order, notification_email: body.email } };
    await saveStoredOrder(tx, vertical, orderId, next, request.now);
    return next.order;
  });
  return jsonResponse(200, toWire(order));
}
