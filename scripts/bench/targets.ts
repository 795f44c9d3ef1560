/**
 * The issues' targets as ratios, so they hold on any machine (issue 14 for members, issue 11 for e-commerce). Pure:
 * the bench and its tests share it.
 */
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
  /** The full load's e-commerce step, when the bench ran one. */
  commerce?: CommerceTargetInput;
}

export interface CommerceTargetInput {
  requests: number;
  /** Of those, reads (GET): /batches status checks, whose number follows the pace of the emulator's serial queue. */
  statusChecks: number;
  floorRequests: number;
  wallSeconds: number;
  floorSeconds: number;
  /** What the emulator's notification log holds after the whole bench: emails Mailchimp would have sent. */
  notifications: number;
  /** E-commerce writes of the incremental run with nothing changed. */
  unchangedWrites: number;
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

/** Issue 14: the share of the floor's own per-record speedup a large full load must reach. */
export const SPEEDUP_SHARE = 0.9;
/** Issue 14: worker peak RSS at 100k; at 1M at most 1.5 x the committed 100k peak. */
export const RSS_100K_MB = 200;

export function checkTargets(t: TargetInput): TargetResult[] {
  const large = t.size >= LARGE;
  const million = t.size >= 1_000_000;
  const speedup = t.baseline.wallSeconds / t.full.wallSeconds;
  const maxRss = Math.max(0, ...t.peakRssMb);
  const changeWrites = t.onePercentRequests - t.onePercentStatusChecks;
  const results: TargetResult[] = [
    check("full: requests <= floor + 10", t.full.requests <= t.full.floorRequests + 10, `${t.full.requests}`, `<= ${t.full.floorRequests + 10}`),
    timed(check("full: wall <= 1.2 x floor time", t.full.wallSeconds <= 1.2 * t.full.floorSeconds, `${fmt(t.full.wallSeconds)} s (${fmt(t.full.wallSeconds / t.full.floorSeconds)}x)`, `<= ${fmt(1.2 * t.full.floorSeconds)} s`, large ? undefined : "size below 100k")),
    large
      ? timed(check(`full: speedup vs per-record >= ${SPEEDUP_SHARE} x the floor's`, speedup >= SPEEDUP_SHARE * t.floorSpeedup, `${fmt(speedup)}x = ${fmt(speedup / t.floorSpeedup)} of the floor's ${fmt(t.floorSpeedup)}x`, `>= ${fmt(SPEEDUP_SHARE * t.floorSpeedup)}x`))
      : timed(check(`full: >= ${SMALL_SPEEDUP}x faster than per-record`, speedup >= SMALL_SPEEDUP, `${fmt(speedup)}x (floor: ${fmt(t.floorSpeedup)}x)`, `>= ${SMALL_SPEEDUP}x`)),
    check("unchanged: zero member writes", t.unchangedMemberWrites === 0, `${t.unchangedMemberWrites}`, "0"),
    timed(check("1% changed: requests <= 3% of full", t.onePercentRequests <= onePercentLimit(t, MIN_CHANGE_REQUESTS), `${t.onePercentRequests}`, `<= ${fmt(onePercentLimit(t, MIN_CHANGE_REQUESTS))}${large ? "" : " (at least 3 below 100k)"}`)),
    check("1% changed: writes (requests but GETs) <= 3% of full", changeWrites <= onePercentLimit(t, MIN_CHANGE_WRITES), `${changeWrites}`, `<= ${fmt(onePercentLimit(t, MIN_CHANGE_WRITES))}${large ? "" : " (at least 1 below 100k)"}`),
    million
      ? check("peak worker RSS at 1M <= 1.5 x at 100k", t.rss100kMb !== undefined && maxRss <= 1.5 * t.rss100kMb, `${maxRss} MB`, t.rss100kMb === undefined ? "no 100k results" : `<= ${fmt(1.5 * t.rss100kMb)} MB`)
      : check(`peak worker RSS < ${RSS_100K_MB} MB`, maxRss < RSS_100K_MB, `${maxRss} MB`, `< ${RSS_100K_MB} MB`, large ? undefined : "size below 100k"),
    check("max simultaneous connections <= 10", t.maxConnections <= 10, `${t.maxConnections}`, "<= 10"),
  ];
  if (t.commerce) results.push(...commerceTargets(t.commerce, large));
  if (t.workers > 1) {
    const idle = t.batchesPerWorker.filter((n) => n === 0).length;
    results.push(check("work spread over every worker", idle === 0, t.batchesPerWorker.join(" / "), "every worker > 0 batches", t.size >= 10_000 ? undefined : "too few batches below 10k"));
  }
  return results;
}

/**
 * Issue 11's e-commerce goals: requests <= 1.05 x floor + 20 (writes judged everywhere; with the /batches status
 * checks, whose number follows the emulator's pace, only by `npm run bench`), wall <= 1.3 x floor from 100k, no
 * notification, and an unchanged run writes nothing.
 */
function commerceTargets(c: CommerceTargetInput, large: boolean): TargetResult[] {
  const limit = 1.05 * c.floorRequests + 20;
  const writes = c.requests - c.statusChecks;
  return [
    check("e-commerce: writes (requests but GETs) <= 1.05 x floor + 20", writes <= limit, `${writes}`, `<= ${fmt(limit)}`),
    timed(check("e-commerce: requests <= 1.05 x floor + 20", c.requests <= limit, `${c.requests}`, `<= ${fmt(limit)}`)),
    timed(check("e-commerce: wall <= 1.3 x floor time", c.wallSeconds <= 1.3 * c.floorSeconds, `${fmt(c.wallSeconds)} s (${fmt(c.wallSeconds / c.floorSeconds)}x)`, `<= ${fmt(1.3 * c.floorSeconds)} s`, large ? undefined : "size below 100k")),
    check("e-commerce: no order notification sent", c.notifications === 0, `${c.notifications}`, "0"),
    check("unchanged: zero e-commerce writes", c.unchangedWrites === 0, `${c.unchangedWrites}`, "0"),
  ];
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
