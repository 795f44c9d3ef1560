// Per-request latency and fault injection, from a seeded stream so failures replay.
import type { FaultKind, ResolvedOptions } from "../options.js";
import { Rng } from "../rng.js";

export class FaultPlan {
  private rng: Rng;
  constructor(private readonly opts: ResolvedOptions) {
    this.rng = new Rng(opts.seed ^ 0x5eed);
  }
  delayMs(): number {
    const { latencyMs, jitterMs } = this.opts;
    return latencyMs + (jitterMs > 0 ? Math.floor(this.rng.next() * jitterMs) : 0);
  }
  /** The fault to inject into this request, if any. */
  draw(): FaultKind | undefined {
    const { faultRate, faultKinds } = this.opts;
    if (faultRate <= 0 || faultKinds.length === 0 || !this.rng.chance(faultRate)) return undefined;
    return this.rng.pick(faultKinds);
  }
}
