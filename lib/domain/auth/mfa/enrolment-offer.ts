import QRCode from "qrcode";
import type { DbOrTx } from "@/lib/platform/db/types";
import { enrolmentSecretFor } from "./enrolment";
import { totpUri } from "./totp";

/** What the enrolment page shows this session's user (and nobody else): the QR code and the secret. */
export async function totpOfferFor(
  db: DbOrTx,
  user: { id: string; email: string; sessionId: string },
): Promise<{ qr: string; secret: string }> {
  const secret = await enrolmentSecretFor(db, { sessionId: user.sessionId, userId: user.id });
  const svg = await QRCode.toString(totpUri(secret, user.email), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, secret };
}
