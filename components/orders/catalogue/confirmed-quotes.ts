"use client";

import { useSyncExternalStore } from "react";

/**
 * Quotes this tab has sent to be confirmed, for a quote page restored by Back from the browser's
 * or the router's cache, which the server never sees again: it must still say the quote was
 * confirmed. A fresh load is answered by the server from the orders table. Marked when the
 * confirm is sent (a placed order answers with a redirect, never back to this page), cleared
 * when it is refused.
 */
const key = (reference: string) => `confirmed-quote:${reference}`;

function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (private mode): the server-side check on a fresh load still applies.
    return null;
  }
}

export function markQuoteSent(reference: string): void {
  store()?.setItem(key(reference), "sent");
}

export function forgetQuoteSent(reference: string): void {
  store()?.removeItem(key(reference));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("pageshow", onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener("pageshow", onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** Whether this tab already sent this quote to be confirmed. */
export function useQuoteSent(reference: string | undefined): boolean {
  return useSyncExternalStore(
    subscribe,
    () => (reference ? store()?.getItem(key(reference)) === "sent" : false),
    () => false,
  );
}
