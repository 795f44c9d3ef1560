import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchOrders, DEFAULT_BENCH_ORDERS, parseBenchArgs, productionWorkerHeapMb, productionWorkerNodeFlags, type BenchArgs } from "./args";

const dir = mkdtempSync(path.join(os.tmpdir(), "bench-args-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pkg = (worker: string) => {
  const file = path.join(dir, `${Math.random()}.json`);
  writeFileSync(file, JSON.stringify({ scripts: { worker } }));
  return file;
};

describe("bench arguments", () => {
  it("runs workers with npm run worker's node flags: the heap cap apart, the others as given", () => {
    const file = pkg("node scripts/build-worker.mjs && node --max-old-space-size=128 --liftoff-only .build/worker.mjs");
    expect(productionWorkerHeapMb(file)).toBe(128);
    expect(productionWorkerNodeFlags(file)).toEqual(["--liftoff-only"]);
    expect(productionWorkerNodeFlags(pkg("node --max-old-space-size=96 --import tsx scripts/worker.ts"))).toEqual([]);
  });

  it("sizes the e-commerce step: three orders per partner up to the default cap, --orders as given, the whole business without it", () => {
    const args = (argv: string[]) => parseBenchArgs(argv) as BenchArgs;
    expect(benchOrders(args(["--size", "1000"]))).toBe(3000);
    expect(benchOrders(args(["--size", "100000"]))).toBe(DEFAULT_BENCH_ORDERS);
    expect(benchOrders(args(["--size", "100000", "--orders", "20000"]))).toBe(20_000);
    expect(benchOrders(args(["--size", "100000", "--no-commerce"]))).toBeUndefined();
    expect(args(["--worker-tsx"]).workerRuntime).toBe("tsx");
    expect(args([]).workerRuntime).toBe("bundle");
  });
});
