import { describe, expect, it } from "vitest";
import { createBatchesApi } from "./batches";
import type { MailchimpCore } from "./core";
import type { Runner } from "./runner";
import type { Sdk } from "./sdk";
import type { BatchStatus } from "./types";

/** The poll loop on a scripted clock: each status check answers from the script, each wait moves the clock. */
function scripted(script: (t: number) => Pick<BatchStatus, "status" | "finished_operations" | "total_operations">) {
  let t = 0;
  const checks: number[] = [];
  const sdk = {
    batches: {
      status: async (id: string) => {
        checks.push(t);
        return { id, errored_operations: 0, ...script(t) };
      },
    },
  } as unknown as Sdk;
  const run: Runner = (call) => call(sdk) as Promise<never>;
  const api = createBatchesApi(run, {} as MailchimpCore);
  const sleeps: number[] = [];
  const clock = { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)) };
  return { api, checks, sleeps, clock };
}

describe("batches.poll", () => {
  it("sleeps what the plan decides on the injected clock and returns the finished status", async () => {
    const s = scripted((t) => (t < 5_000 ? { status: "started", finished_operations: t / 10, total_operations: 500 } : { status: "finished", finished_operations: 500, total_operations: 500 }));
    const done = await s.api.poll("b1", { intervalMs: 1_000, ...s.clock });
    expect(done.status).toBe("finished");
    // 100 done in the first second: 400 more take 4 s at that pace, plus the 15% margin.
    expect(s.sleeps).toEqual([1_000, 4_600]);
    expect(s.checks).toEqual([1_000, 5_600]);
  });

  it("throws, naming the batch, when the plan gives up on a batch never finalised", async () => {
    const s = scripted(() => ({ status: "finalizing", finished_operations: 20, total_operations: 20 }));
    const decisions: string[] = [];
    const error = await s.api
      .poll("b2", { intervalMs: 1_000, maxIntervalMs: 10_000, stallMs: 60_000, ...s.clock, onDecision: (d) => decisions.push(d.kind === "wait" ? d.reason : d.kind) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("Batch b2: all 20 operations done but not finalised, no progress for 1 min");
    expect(s.checks.at(-1)).toBe(61_000);
    expect(decisions.at(-1)).toBe("give_up");
    expect(new Set(decisions.slice(0, -1))).toEqual(new Set(["finalising"]));
  });
});
