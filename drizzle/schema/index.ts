export * from "./auth";
export * from "./audit";
export * from "./sandbox";
export * from "./payments";
export * from "./refunds";
export * from "./orders";
export * from "./webhook-rejections";
