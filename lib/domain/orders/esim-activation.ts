import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { orders } from "@/drizzle/schema/orders";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { AppError } from "@/lib/platform/errors";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { EsimOrder } from "@/lib/integrations/providers/octopus-cards/types";
import { assertMayRevealOrderSecrets } from "./code-access";
import type { OrderDeps } from "./place-order";

export interface RevealedEsimActivation {
  /** The LPA activation string (LPA:1$smdp$matching-id): whoever holds it can install the eSIM. */
  activationCode: string;
  /** The same string as a QR code, SVG markup drawn on the server. */
  qrSvg: string;
}

/** What the order page may show of an eSIM before any reveal: everything but the activation code. */
export type EsimSummary = Omit<EsimOrder, "activationCode"> & { hasActivationCode: boolean };

export function esimSummaryOf(esim: EsimOrder): EsimSummary {
  const { activationCode, ...rest } = esim;
  return { ...rest, hasActivationCode: activationCode !== null && activationCode !== "" };
}

/**
 * Keeps the eSIM's ICCID (not a secret) the first time the provider shows it, because the
 * provider stops returning it once the eSIM is installed. A plain update, never inside a
 * transaction holding a provider call; only fills an empty column.
 */
export async function rememberEsimIccid(db: DbOrTx, orderId: string, iccid: string | null): Promise<void> {
  if (!iccid) return;
  await db
    .update(orders)
    .set({ esimIccid: iccid })
    .where(and(eq(orders.id, orderId), isNull(orders.esimIccid)));
}

/**
 * An eSIM order's activation code, fetched from the provider on each reveal (we never store it)
 * and treated like a voucher code: only the person who placed the order or an admin may reveal
 * it (a refusal is audited), every reveal is audited (who, which order) before the code is
 * returned, and the code itself never reaches the audit log.
 */
export async function revealEsimActivation(
  deps: Pick<OrderDeps, "db" | "client">,
  actor: AuditActor,
  orderId: string,
): Promise<RevealedEsimActivation> {
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || order.vertical !== "esim") throw new AppError("NOT_FOUND", "No eSIM order has this id.");
  await assertMayRevealOrderSecrets(deps.db, actor, order, "eSIM activation code");
  if (order.providerOrderId === null)
    throw new AppError("CONFLICT", "This order has no provider order yet, so it has no activation code.");
  let esim: EsimOrder;
  try {
    esim = await deps.client.getEsimOrder(order.providerOrderId);
  } catch (error) {
    if (isOctopusCardsError(error))
      throw new AppError(
        "PROVIDER_ERROR",
        "Octopus Cards did not return the activation code just now; try again in a minute.",
        { cause: error },
      );
    throw error;
  }
  if (order.esimIccid === null) await rememberEsimIccid(deps.db, order.id, esim.iccid);
  if (!esim.activationCode) {
    throw new AppError(
      "CONFLICT",
      esim.isInstalled
        ? "The eSIM is installed, so the provider no longer returns its activation code."
        : "The provider has not issued an activation code for this eSIM yet.",
    );
  }
  const qrSvg = await QRCode.toString(esim.activationCode, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  await recordAudit(deps.db, actor, {
    action: "order.esim_activation_revealed",
    targetType: "order",
    targetId: order.id,
    after: { providerOrderId: order.providerOrderId },
  });
  return { activationCode: esim.activationCode, qrSvg };
}
