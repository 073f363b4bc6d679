import { appUrl } from "@/lib/platform/env";
import { relyingPartyFor, type RelyingParty } from "./passkeys";

/** Passkeys are bound to APP_URL: its hostname is the RP id, its origin the only one accepted. */
export const appRelyingParty = (): RelyingParty => relyingPartyFor(appUrl);
