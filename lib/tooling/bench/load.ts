import autocannon from "autocannon";
import { summarize, type LatencySummary } from "./stats";

export interface LoadResult {
  label: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  non2xx: number;
  errors: number;
  reqPerSec: number;
  bytesPerResponse: number;
  latency: LatencySummary;
}

export interface LoadOptions {
  label: string;
  url: string;
  path: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  requests?: autocannon.Request[];
}

/** One autocannon run; latency percentiles from every response's own time (autocannon's summary has no p95). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}${options.path}`,
        connections: options.connections,
        duration: options.seconds,
        headers: options.headers,
        requests: options.requests,
        timeout: 30,
      },
      (error, finished) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      times.push(responseTime);
      bytes += resBytes;
    });
  });
  const answered = times.length;
  return {
    label: options.label,
    path: options.path,
    connections: options.connections,
    seconds: options.seconds,
    requests: answered,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    reqPerSec: answered / options.seconds,
    bytesPerResponse: answered ? bytes / answered : 0,
    latency: summarize(times),
  };
}
