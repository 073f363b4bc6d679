// Starts the production build on a brand-new embedded database, so every e2e run begins
// from the same seeded state (demo users, no sign-in failures, E2E_SEED_PAYMENTS payments).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";

const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e-pglite";
rmSync(dataDir, { recursive: true, force: true });
const port = process.env.E2E_PORT ?? "3200";
// next itself, not npx: a signal to this process then reaches the server and nothing lingers.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// Loopback only, as `npm start`: the demo users the specs sign in as exist only on a local server.
const child = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: "",
    SANDBOX_SEED_PAYMENTS: process.env.E2E_SEED_PAYMENTS ?? "0",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
