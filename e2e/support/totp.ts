import { generate } from "otplib";

const PERIOD_MS = 30_000;

/** The code an authenticator app shows for `secret` at `at` (RFC 6238, 30-second steps, 6 digits). */
export const totpCode = (secret: string, at = Date.now()): Promise<string> => generate({ secret, epoch: Math.floor(at / 1000) });

/** Milliseconds until the next 30-second step begins (plus a little margin for the server's clock). */
export const untilNextStep = (at = Date.now()): number => PERIOD_MS - (at % PERIOD_MS) + 500;
