/**
 * The sandbox's public entry for test harnesses, the simulation, the bench and e2e set-up: what
 * the mount point offers, plus the published credentials, the fault queue and the trigger and
 * document names tests reach for. Product code never imports it (see .dependency-cruiser.cjs).
 */
export * from "./mount";
export { sandboxCredentials } from "./credentials";
export { sandboxMigrationsFolder } from "./db/migrate";
export { sandboxWebhookDeliveries } from "./db/schema";
export { sandboxTick } from "./core/tick";
export { sandboxProviders } from "./registry";
export { clearFaults, queueFault, type FaultKind, type FaultSpec } from "./core/faults";
export { getDoc } from "./core/store";
export { paymentsDoc, type SimPayment } from "./checkout/model";
export { failureCodes, type FailureCode } from "./octopus-cards/triggers";
export { kinds, sandboxClientId } from "./octopus-cards/constants";
