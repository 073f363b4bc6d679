import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertOutbox, notifications } from "@/drizzle/schema/alerts";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadNotificationCount,
} from "./notifications";

describe(`each person sees and marks only their own notifications [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    [mine, theirs] = (await Promise.all([makeUser(t.db, "finance"), makeUser(t.db, "ops")])).map((u) => u.id) as [
      string,
      string,
    ];
    for (const n of [1, 2, 3]) {
      const [alert] = await t.db
        .insert(alertOutbox)
        .values({
          rule: "refund_declined",
          dedupeKey: `refund_declined:r${n}`,
          subjectType: "refund",
          subjectId: `r${n}`,
          title: `Alert ${n}`,
          body: "Body.",
          href: `/payments/p#refund-r${n}`,
        })
        .returning();
      await t.db.insert(notifications).values(
        [mine, theirs].map((userId) => ({
          userId,
          outboxId: alert!.id,
          title: alert!.title,
          body: alert!.body,
          href: alert!.href,
        })),
      );
    }
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("lists the user's own, newest first, and counts their unread", async () => {
    const rows = await listNotifications(t.db, mine);
    expect(rows.map((row) => row.title)).toEqual(["Alert 3", "Alert 2", "Alert 1"]);
    const theirRows = await listNotifications(t.db, theirs);
    expect(new Set([...rows, ...theirRows].map((row) => row.id)).size).toBe(6);
    expect(await unreadNotificationCount(t.db, mine)).toBe(3);
  });

  it("never marks someone else's notification, one at a time or all at once", async () => {
    const [theirNewest] = await listNotifications(t.db, theirs);
    expect(await markNotificationRead(t.db, mine, theirNewest!.id, new Date())).toBe(false);
    expect(await unreadNotificationCount(t.db, theirs)).toBe(3);

    const [myNewest] = await listNotifications(t.db, mine);
    expect(await markNotificationRead(t.db, mine, myNewest!.id, new Date())).toBe(true);
    expect(await markNotificationRead(t.db, mine, myNewest!.id, new Date())).toBe(false);
    expect(await unreadNotificationCount(t.db, mine)).toBe(2);

    expect(await markAllNotificationsRead(t.db, mine, new Date())).toBe(2);
    expect(await unreadNotificationCount(t.db, mine)).toBe(0);
    expect(await unreadNotificationCount(t.db, theirs)).toBe(3);
    expect((await listNotifications(t.db, theirs)).every((row) => row.readAt === null)).toBe(true);
  });
});
