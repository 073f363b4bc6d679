/** What one delivery carries: an alert, or several of a digest slot, to one email address or webhook. */
export interface OutgoingAlert {
  outboxId: string;
  rule: string;
  title: string;
  body: string;
  /** Absolute link to the item. */
  url: string;
  raisedAt: Date;
}

export interface OutgoingMessage {
  /** Our delivery ids, in order: the receiver's de-duplication key (Message-ID, delivery header). */
  deliveryIds: string[];
  /** "hourly" or "daily" for a digest. */
  digest: "hourly" | "daily" | null;
  alerts: OutgoingAlert[];
}

const digestWindow = { hourly: "hour", daily: "day" } as const;

/** One sentence that names the message: the alert's own title, or how many a digest holds. */
export function messageTitle(message: OutgoingMessage): string {
  const [first] = message.alerts;
  if (!message.digest && first && message.alerts.length === 1) return first.title;
  const n = message.alerts.length;
  return `${n} payments alert${n === 1 ? "" : "s"} in the last ${digestWindow[message.digest ?? "hourly"]}.`;
}

/** The receiver's key for this message: the same on every retry of the same deliveries. */
export function messageKey(message: OutgoingMessage): string {
  return `alert-${message.deliveryIds.join("-")}`;
}
