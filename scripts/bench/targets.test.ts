import { describe, expect, it } from "vitest";
import { checkTargets, missed, type TargetInput } from "./targets";

const good: TargetInput = {
  size: 100_000, workers: 3,
  full: { requests: 105, floorRequests: 101, wallSeconds: 25, floorSeconds: 20 },
  baseline: { wallSeconds: 2000 }, floorSpeedup: 65,
  unchangedMemberWrites: 0, onePercentRequests: 3, onePercentStatusChecks: 2, peakRssMb: [200, 210, 190], batchesPerWorker: [30, 40, 32], maxConnections: 10,
};

describe("targets", () => {
  it("passes a run that meets every target", () => {
    expect(missed(checkTargets(good))).toEqual([]);
  });

  it("fails on any single miss", () => {
    const cases: Array<Partial<TargetInput>> = [
      { full: { ...good.full, requests: 127 } },
      { full: { ...good.full, wallSeconds: 31 } },
      { baseline: { wallSeconds: 1200 } },
      { unchangedMemberWrites: 1 },
      { onePercentRequests: 4 },
      { peakRssMb: [300] },
      { maxConnections: 11 },
      { batchesPerWorker: [50, 52, 0] },
    ];
    for (const c of cases) expect(missed(checkTargets({ ...good, ...c })).length, JSON.stringify(c)).toBe(1);
  });

  it("only reports size-dependent targets below 100k", () => {
    const small = checkTargets({ ...good, size: 5000, workers: 2, full: { ...good.full, wallSeconds: 100 }, peakRssMb: [400], baseline: { wallSeconds: 250 }, batchesPerWorker: [5, 0] });
    expect(missed(small)).toEqual([]);
    expect(small.filter((t) => t.skipped).map((t) => t.name)).toEqual(["full: wall <= 1.5 x floor time", "peak worker RSS < 300 MB", "work spread over every worker"]);
  });

  it("below 100k, lets a change cost one /batches and its status checks (3 requests), never more", () => {
    const small = (onePercentRequests: number, onePercentStatusChecks = 2) => checkTargets({ ...good, size: 5000, full: { ...good.full, requests: 12 }, onePercentRequests, onePercentStatusChecks });
    expect(missed(small(3))).toEqual([]);
    // One more status check is the machine's pace: `npm run bench` judges it, `npm test` only reports it.
    expect(missed(small(4, 3)).map((t) => [t.name, !!t.wallClock])).toEqual([["1% changed: requests <= 3% of full", true]]);
    // A second write is a decision, and fails everywhere.
    expect(missed(small(4, 2)).filter((t) => !t.wallClock).map((t) => t.name)).toEqual(["1% changed: writes (requests but GETs) <= 3% of full"]);
  });

  it("compares 1M memory with the 100k results, and fails without them", () => {
    const at1m = (rss100kMb?: number) => missed(checkTargets({ ...good, size: 1_000_000, peakRssMb: [250], ...(rss100kMb ? { rss100kMb } : {}) }));
    expect(at1m(200)).toEqual([]);
    expect(at1m(100).map((t) => t.name)).toEqual(["RSS at 1M <= 1.5 x RSS at 100k"]);
    expect(at1m().map((t) => t.name)).toEqual(["RSS at 1M <= 1.5 x RSS at 100k"]);
  });
});
