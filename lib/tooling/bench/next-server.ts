import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { childEnv } from "./bench-env";

export interface RunningNextServer {
  url: string;
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
// Child servers never outlive the benchmark, however it ends.
process.once("exit", () => started.forEach((child) => child.kill("SIGKILL")));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    started.forEach((child) => child.kill("SIGKILL"));
    process.exit(130);
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function hasProductionBuild(): boolean {
  return existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
}

/** Runs `next build` (only when there is no production build yet). */
export async function buildIfMissing(): Promise<void> {
  if (hasProductionBuild()) return;
  console.log("no .next production build: running `next build` (a few minutes on 2 cores)…");
  const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: childEnv(),
  });
  started.add(child);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  started.delete(child);
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

/** `next start` on a free loopback port against `databaseUrl`, sandbox providers, bench pages on; waits for /api/health. */
export async function startNextServer(databaseUrl: string): Promise<RunningNextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: childEnv({
        NODE_ENV: "production",
        PORT: String(port),
        APP_URL: url,
        DATABASE_URL: databaseUrl,
        PROVIDER_MODE: "sandbox",
        SANDBOX_SEED_PAYMENTS: "0",
        BENCH_PAGES: "1",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
      }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  started.add(child);
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    started.delete(child);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not become healthy within 120 s:\n${log}`);
}
