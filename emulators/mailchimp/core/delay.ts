import type { Emulator } from "./emulator.js";

// The simulated cost of one call: base latency + per-record cost + jitter drawn from the seeded generator.

export function callCostMs(emulator: Emulator, records: number): number {
  const { latencyMs, perRecordMs, jitterMs } = emulator.options;
  const jitter = jitterMs > 0 ? emulator.random.next() * jitterMs : 0;
  return latencyMs + perRecordMs * records + jitter;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
