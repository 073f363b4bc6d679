import type { RoleName } from "./roles";

/** Every dashboard page and the roles that may open it (everyone else gets 403). */
export const pageAccess: Record<string, readonly RoleName[]> = {
  "/payments": ["admin", "finance", "ops"],
  "/payments/new": ["admin", "finance"],
  "/refunds": ["admin", "finance", "ops"],
  "/orders": ["admin", "finance", "ops", "merchant"],
  "/orders/new": ["admin", "merchant"],
  "/wallet": ["admin", "finance", "merchant"],
  "/webhooks": ["admin", "finance", "ops"],
  "/audit": ["admin"],
  "/users": ["admin"],
  "/sandbox": ["admin"],
  "/settings": ["admin"],
  "/alerts": ["admin"],
  "/overview": ["admin", "finance", "ops", "merchant"],
  "/account": ["admin", "finance", "ops", "merchant"],
  "/notifications": ["admin", "finance", "ops", "merchant"],
};
