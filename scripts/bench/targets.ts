/** The targets as ratios, so they hold on any machine. Pure: the bench and its tests share it. */
export interface TargetInput {
  size: number;
  workers: number;
  full: { requests: number; floorRequests: number; wallSeconds: number; floorSeconds: number };
  baseline: { wallSeconds: number };
  /** How much faster the floor itself is than per-record sending under this cost model. */
  floorSpeedup: number;
  unchangedMemberWrites: number;
  onePercentRequests: number;
  /** Of those, reads (GET): /batches status checks and the worker's consent polls, whose number follows the clock. */
  onePercentStatusChecks: number;
  peakRssMb: number[];
  /** Peak RSS of the committed 100k results, for the 1M comparison. */
  rss100kMb?: number;
  batchesPerWorker: number[];
  maxConnections: number;
}

export interface TargetResult {
  name: string;
  pass: boolean;
  actual: string;
  target: string;
  /** Why a target is only reported at this size. */
  skipped?: string;
  /**
   * Moved by elapsed time: `npm run bench` judges it; `npm test` only reports it (a busy machine moves it). The
   * request count of a change includes its /batches status checks, and how many looks a batch takes depends on how
   * fast the emulator works through it: on a loaded 2-core CI machine one more look (4 for 3) was seen.
   */
  wallClock?: true;
}

/** Below this size fixed costs (planning start-up, the queue, merge fields) dominate wall time. */
export const LARGE = 100_000;
/**
 * Small runs: per-record must still lose, but each run's fixed costs (planner start, queue polling, merge-field
 * setup: ~4 s) cap the engine near 2x at 5k, run to run between 1.8x and 2.5x on a 2-core machine.
 */
export const SMALL_SPEEDUP = 1.5;

/**
 * Below 100k, 3% of the full load is under one request (0.3 at 5k), yet any change to an existing member costs one
 * /batches submission and its status checks (PUT with status_if_new is the only write that cannot touch consent).
 * Small sizes therefore allow those 3 requests; from 100k on the 3% applies as written.
 */
export const MIN_CHANGE_REQUESTS = 3;
/** The part of a change that does not depend on time: its single /batches submission. */
export const MIN_CHANGE_WRITES = 1;

function onePercentLimit(t: TargetInput, floor: number): number {
  const share = 0.03 * t.full.requests;
  return t.size >= LARGE ? share : Math.max(share, floor);
}

export function checkTargets(t: TargetInput): TargetResult[] {
  const large = t.size >= LARGE;
  const speedup = t.baseline.wallSeconds / t.full.wallSeconds;
  const needSpeedup = large ? 50 : SMALL_SPEEDUP;
  const maxRss = Math.max(0, ...t.peakRssMb);
  const changeWrites = t.onePercentRequests - t.onePercentStatusChecks;
  const results: TargetResult[] = [
    check("full: requests <= 1.05 x floor + 20", t.full.requests <= 1.05 * t.full.floorRequests + 20, `${t.full.requests}`, `<= ${fmt(1.05 * t.full.floorRequests + 20)}`),
    timed(check("full: wall <= 1.5 x floor time", t.full.wallSeconds <= 1.5 * t.full.floorSeconds, `${fmt(t.full.wallSeconds)} s`, `<= ${fmt(1.5 * t.full.floorSeconds)} s`, large ? undefined : "size below 100k")),
    timed(check(`full: >= ${needSpeedup}x faster than per-record`, speedup >= needSpeedup, `${fmt(speedup)}x (floor: ${fmt(t.floorSpeedup)}x)`, `>= ${needSpeedup}x`)),
    check("unchanged: zero member writes", t.unchangedMemberWrites === 0, `${t.unchangedMemberWrites}`, "0"),
    timed(check("1% changed: requests <= 3% of full", t.onePercentRequests <= onePercentLimit(t, MIN_CHANGE_REQUESTS), `${t.onePercentRequests}`, `<= ${fmt(onePercentLimit(t, MIN_CHANGE_REQUESTS))}${large ? "" : " (at least 3 below 100k)"}`)),
    check("1% changed: writes (requests but GETs) <= 3% of full", changeWrites <= onePercentLimit(t, MIN_CHANGE_WRITES), `${changeWrites}`, `<= ${fmt(onePercentLimit(t, MIN_CHANGE_WRITES))}${large ? "" : " (at least 1 below 100k)"}`),
    check("peak worker RSS < 300 MB", maxRss < 300, `${maxRss} MB`, "< 300 MB", large ? undefined : "size below 100k"),
    check("max simultaneous connections <= 10", t.maxConnections <= 10, `${t.maxConnections}`, "<= 10"),
  ];
  if (t.size >= 1_000_000) {
    const base = t.rss100kMb;
    results.push(check("RSS at 1M <= 1.5 x RSS at 100k", base !== undefined && maxRss <= 1.5 * base, `${maxRss} MB`, base === undefined ? "no 100k results" : `<= ${fmt(1.5 * base)} MB`));
  }
  if (t.workers > 1) {
    const idle = t.batchesPerWorker.filter((n) => n === 0).length;
    results.push(check("work spread over every worker", idle === 0, t.batchesPerWorker.join(" / "), "every worker > 0 batches", t.size >= 10_000 ? undefined : "too few batches below 10k"));
  }
  return results;
}

function check(name: string, pass: boolean, actual: string, target: string, skipped?: string): TargetResult {
  return { name, pass, actual, target, ...(skipped ? { skipped } : {}) };
}

const timed = (result: TargetResult): TargetResult => ({ ...result, wallClock: true });

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2);
}

/** A skipped target is printed but does not fail the run. */
export const missed = (results: TargetResult[]) => results.filter((r) => !r.pass && !r.skipped);
