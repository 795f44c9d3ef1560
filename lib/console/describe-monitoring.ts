import { isRetryableKind, type MailchimpErrorKind } from "@/lib/mailchimp";
import type { CallStatRow } from "@/lib/metrics/call-stats";

/** A mailchimp_call_stats row as the console reads it (the run is already chosen). */
export type CallRow = Omit<CallStatRow, "runId">;

export interface MonitoringPoint {
  /** Start of the minute (or day), ISO. */
  at: string;
  calls: number;
  /** Calls per endpoint shown (the busiest ones; the rest under OTHER_ENDPOINTS). */
  byEndpoint: Record<string, number>;
  throttles: number;
  /** Failed calls that were not throttles, by kind summed. */
  errors: number;
  /** The same, per kind (every kind of `errorKinds`, 0 when absent). */
  errorsByKind: Record<string, number>;
  /** Failed calls of a kind the client retries (throttles and transient failures): each was tried again. */
  retried: number;
  /** Mean wait for one of the 10 governed connections, ms. */
  avgWaitMs: number;
  /**
   * The governor's queue: calls waiting for a connection, on average over the step (their summed waits over the
   * step's length, Little's law; one decimal).
   */
  queued: number;
  maxWaitMs: number;
  /** Members and orders settled per second in the minute (run views only). */
  recordsPerSecond?: number;
}

export interface EndpointTotal {
  endpoint: string;
  calls: number;
  throttles: number;
  errors: number;
  avgMs: number;
}

export interface MonitoringView {
  points: MonitoringPoint[];
  endpoints: string[];
  /** The failure kinds other than throttles seen in the rows, for a line each. */
  errorKinds: string[];
  totals: { calls: number; throttles: number; retried: number; errorsByKind: Record<string, number>; avgWaitMs: number; maxWaitMs: number };
  byEndpoint: EndpointTotal[];
}

export const OTHER_ENDPOINTS = "other";
const SHOWN_ENDPOINTS = 5;

const isThrottle = (outcome: string) => outcome === "throttle";
const isError = (outcome: string) => outcome !== "ok" && !isThrottle(outcome);
const isRetried = (outcome: string) => outcome !== "ok" && isRetryableKind(outcome as MailchimpErrorKind);

/**
 * Shapes call counts (and, for a run, its settled records) into chart points, one per step from the first to the
 * last bucket with empty steps kept (a stall shows as a gap, not as a line across it), and totals per endpoint and
 * error kind. Pure; `stepMs` is a minute for a run and a day for the Overview's trend.
 */
export function describeMonitoring(rows: CallRow[], o: { stepMs: number; records?: Array<{ at: Date; records: number }>; from?: Date; to?: Date }): MonitoringView {
  const floor = (d: Date) => Math.floor(d.getTime() / o.stepMs) * o.stepMs;
  const perEndpoint = new Map<string, EndpointTotal & { ms: number }>();
  const errorsByKind: Record<string, number> = {};
  let calls = 0, throttles = 0, retried = 0, waitMs = 0, maxWaitMs = 0;
  for (const r of rows) {
    const e = perEndpoint.get(r.endpoint) ?? { endpoint: r.endpoint, calls: 0, throttles: 0, errors: 0, avgMs: 0, ms: 0 };
    e.calls += r.calls;
    e.ms += r.durationMs;
    if (isThrottle(r.outcome)) e.throttles += r.calls;
    if (isError(r.outcome)) e.errors += r.calls;
    perEndpoint.set(r.endpoint, e);
    calls += r.calls;
    waitMs += r.waitMs;
    maxWaitMs = Math.max(maxWaitMs, r.maxWaitMs);
    if (isThrottle(r.outcome)) throttles += r.calls;
    if (r.outcome !== "ok") {
      errorsByKind[r.outcome] = (errorsByKind[r.outcome] ?? 0) + r.calls;
      if (isRetried(r.outcome)) retried += r.calls;
    }
  }
  const byEndpoint = [...perEndpoint.values()]
    .map(({ ms, ...e }) => ({ ...e, avgMs: e.calls ? Math.round(ms / e.calls) : 0 }))
    .sort((a, b) => b.calls - a.calls || a.endpoint.localeCompare(b.endpoint));
  const shown = byEndpoint.slice(0, SHOWN_ENDPOINTS).map((e) => e.endpoint);
  const endpoints = byEndpoint.length > SHOWN_ENDPOINTS ? [...shown, OTHER_ENDPOINTS] : shown;
  const errorKinds = Object.keys(errorsByKind).filter(isError).sort();

  const times = [...rows.map((r) => floor(r.bucket)), ...(o.records ?? []).map((r) => floor(r.at))];
  if (o.from) times.push(floor(o.from));
  if (o.to) times.push(floor(o.to));
  const points: MonitoringPoint[] = [];
  if (times.length > 0) {
    const first = Math.min(...times);
    const last = Math.max(...times);
    const index = new Map<number, MonitoringPoint & { waitSum: number }>();
    for (let t = first; t <= last; t += o.stepMs) {
      const p = { at: new Date(t).toISOString(), calls: 0, byEndpoint: Object.fromEntries(endpoints.map((e) => [e, 0])), throttles: 0, errors: 0, errorsByKind: Object.fromEntries(errorKinds.map((k) => [k, 0])), retried: 0, avgWaitMs: 0, queued: 0, maxWaitMs: 0, waitSum: 0,
        ...(o.records ? { recordsPerSecond: 0 } : {}) };
      index.set(t, p);
    }
    for (const r of rows) {
      const p = index.get(floor(r.bucket))!;
      const key = shown.includes(r.endpoint) ? r.endpoint : OTHER_ENDPOINTS;
      p.calls += r.calls;
      p.byEndpoint[key] = (p.byEndpoint[key] ?? 0) + r.calls;
      if (isThrottle(r.outcome)) p.throttles += r.calls;
      if (isError(r.outcome)) {
        p.errors += r.calls;
        p.errorsByKind[r.outcome] = (p.errorsByKind[r.outcome] ?? 0) + r.calls;
      }
      if (isRetried(r.outcome)) p.retried += r.calls;
      p.waitSum += r.waitMs;
      p.maxWaitMs = Math.max(p.maxWaitMs, r.maxWaitMs);
    }
    for (const r of o.records ?? []) {
      const p = index.get(floor(r.at))!;
      p.recordsPerSecond = (p.recordsPerSecond ?? 0) + r.records / (o.stepMs / 1000);
    }
    for (const { waitSum, ...p } of index.values()) {
      points.push({ ...p, avgWaitMs: p.calls ? Math.round(waitSum / p.calls) : 0, queued: Math.round((waitSum / o.stepMs) * 10) / 10, ...(p.recordsPerSecond !== undefined ? { recordsPerSecond: Math.round(p.recordsPerSecond * 10) / 10 } : {}) });
    }
  }
  return { points, endpoints, errorKinds, byEndpoint, totals: { calls, throttles, retried, errorsByKind, avgWaitMs: calls ? Math.round(waitMs / calls) : 0, maxWaitMs } };
}
