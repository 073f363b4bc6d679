import { timestamp } from "drizzle-orm/pg-core";

/** Every timestamp is timestamptz, read as a JS Date. */
export const timestamptz = () => timestamp({ withTimezone: true, mode: "date" });
