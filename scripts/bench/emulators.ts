import path from "node:path";
import { DEMO_AUDIENCES_FIXTURE, startEmulators, type RunningEmulators } from "@/scripts/lib/emulators";
import type { BenchArgs } from "./args";
import { own } from "./tree";

/**
 * Odoo generated at the bench size (with `orders` sale orders when given, else three per partner); Mailchimp with
 * the demo's four audiences and the bench's cost model.
 */
export async function startBenchEmulators(args: BenchArgs, orders = args.orders): Promise<RunningEmulators> {
  const emulators = await startEmulators({
    odooArgs: ["--port", "0", "--generate", String(args.size), "--seed", String(args.seed), ...(orders === undefined ? [] : ["--orders", String(orders)])],
    // The generated business lives in the emulator's heap: ~4.9 GB RSS at 1M partners, past Node's default limit.
    odooNodeArgs: args.size > 300_000 ? [`--max-old-space-size=${Math.ceil(args.size / 1000) * 12}`] : [],
    mailchimpArgs: [
      "--port", "0", "--latency-ms", String(args.latencyMs), "--per-record-ms", String(args.perRecordMs),
      "--max-connections", "10", "--lists", path.resolve(DEMO_AUDIENCES_FIXTURE),
    ],
    onLog: (line) => {
      if (process.env.BENCH_VERBOSE) process.stderr.write(`${line}\n`);
    },
  });
  own("emulators", emulators.stop);
  return emulators;
}

export async function controlJson<T>(base: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${route}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${route}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** The Mailchimp emulator's origin (control routes live beside /3.0). */
export function mailchimpOrigin(e: RunningEmulators): string {
  return new URL(e.mailchimp.url).origin;
}
