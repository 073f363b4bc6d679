import { createRouter, type RouteHandler } from "../core/router";
import { authenticate, login, logout, refresh } from "./auth";
import { createEsimOrder, getEsimOrder, listEsimOrders, setEsimNotificationEmail } from "./esim-orders";
import {
  esimCharges,
  getEsimProduct,
  getEsimVariant,
  listEsimProducts,
  listEsimProductVariants,
} from "./esim-products";
import { categoryEndpoints, countryEndpoints, currencyEndpoints, subcategoryEndpoints } from "./reference-data";
import { createTopupOrder, getTopupOrder, listTopupOrders, setTopupNotificationEmail } from "./topup-orders";
import {
  getTopupProduct,
  getTopupVariant,
  listTopupProductVariants,
  listTopupProducts,
  lookupOperator,
  topupCharges,
} from "./topup-products";
import { createVoucherOrder, getVoucherOrder, listVoucherOrders } from "./voucher-orders";
import { getVoucherAvailability, getVoucherProduct, listVoucherProducts, voucherCharges } from "./voucher-products";
import { getTransaction, getWallet, listTransactions, listWallets } from "./wallets";

/** Every API route needs a valid Bearer access token. */
const authed =
  (handler: RouteHandler): RouteHandler =>
  async (request, params) => {
    await authenticate(request);
    return handler(request, params);
  };

const api = (method: string, path: string, handler: RouteHandler): [string, string, RouteHandler] => [
  method,
  `/api/v1${path}`,
  authed(handler),
];

export const matchRoute = createRouter([
  ["POST", "/auth/login", login],
  ["POST", "/auth/refresh", refresh],
  ["POST", "/auth/logout", logout],
  api("GET", "/products", listVoucherProducts),
  api("GET", "/products/:id", getVoucherProduct),
  api("GET", "/products/:id/availability", getVoucherAvailability),
  api("POST", "/products/:id/charges", voucherCharges),
  api("POST", "/orders", createVoucherOrder),
  api("GET", "/orders", listVoucherOrders),
  api("GET", "/orders/:id", getVoucherOrder),
  api("GET", "/topups/products", listTopupProducts),
  api("GET", "/topups/products/:id", getTopupProduct),
  api("GET", "/topups/products/:id/variants", listTopupProductVariants),
  api("GET", "/topups/variants/:id", getTopupVariant),
  api("POST", "/topups/lookup", lookupOperator),
  api("POST", "/topups/charges", topupCharges),
  api("POST", "/topups/orders", createTopupOrder),
  api("GET", "/topups/orders", listTopupOrders),
  api("GET", "/topups/orders/:id", getTopupOrder),
  api("PATCH", "/topups/orders/:id/notification-email", setTopupNotificationEmail),
  api("GET", "/esim/products", listEsimProducts),
  api("GET", "/esim/products/:id", getEsimProduct),
  api("GET", "/esim/products/:id/variants", listEsimProductVariants),
  api("GET", "/esim/variants/:id", getEsimVariant),
  api("POST", "/esim/charges", esimCharges),
  api("POST", "/esim/orders", createEsimOrder),
  api("GET", "/esim/orders", listEsimOrders),
  api("GET", "/esim/orders/:id", getEsimOrder),
  api("PATCH", "/esim/orders/:id/notification-email", setEsimNotificationEmail),
  api("GET", "/wallets", listWallets),
  api("GET", "/wallets/:id", getWallet),
  api("GET", "/transactions", listTransactions),
  api("GET", "/transactions/:id", getTransaction),
  api("GET", "/countries", countryEndpoints.list),
  api("GET", "/countries/:id", countryEndpoints.get),
  api("GET", "/currencies", currencyEndpoints.list),
  api("GET", "/categories", categoryEndpoints.list),
  api("GET", "/categories/:id", categoryEndpoints.get),
  api("GET", "/subcategories", subcategoryEndpoints.list),
  api("GET", "/subcategories/:id", subcategoryEndpoints.get),
]);
