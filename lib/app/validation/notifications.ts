import { z } from "zod";

/** A notification's id as the page renders it: a positive bigint in decimal. */
export const markNotificationReadInput = z.object({
  notificationId: z
    .string({ error: "must be a notification id" })
    .regex(/^[1-9]\d{0,17}$/, "must be a notification id"),
});

export const markAllNotificationsReadInput = z.object({});
