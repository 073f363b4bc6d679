export * from "./auth";
export * from "./audit";
export * from "./payments";
export * from "./refunds";
export * from "./orders";
export * from "./webhook-rejections";
export * from "./alerts";
