import { describe, expect, it } from "vitest";
import { describeMonitoring, OTHER_ENDPOINTS, type CallRow } from "./describe-monitoring";

const MINUTE = 60_000;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 10, minute));
const row = (minute: number, endpoint: string, outcome: string, calls: number, waitMs = 0, maxWaitMs = 0, durationMs = calls * 100): CallRow =>
  ({ bucket: at(minute), endpoint, outcome, calls, waitMs, maxWaitMs, durationMs });

describe("describeMonitoring", () => {
  it("keeps empty minutes between the first and the last, so a stall shows as a gap", () => {
    const view = describeMonitoring([row(0, "POST /lists/{list_id}", "ok", 3), row(3, "POST /lists/{list_id}", "ok", 1)], { stepMs: MINUTE });
    expect(view.points.map((p) => [p.at.slice(11, 16), p.calls])).toEqual([["10:00", 3], ["10:01", 0], ["10:02", 0], ["10:03", 1]]);
  });

  it("separates throttles from other errors, counts retried kinds, and averages the connection wait per call", () => {
    const view = describeMonitoring([
      row(0, "POST /batches", "ok", 4, 400, 250),
      row(0, "POST /batches", "throttle", 2, 2_000, 1_500),
      row(0, "GET /batches/{batch_id}", "transient", 1),
      row(0, "PUT /lists/{list_id}/members/{subscriber_hash}", "invalid", 3),
    ], { stepMs: MINUTE });
    expect(view.points[0]).toMatchObject({ calls: 10, throttles: 2, errors: 4, errorsByKind: { invalid: 3, transient: 1 }, retried: 3, avgWaitMs: 240, maxWaitMs: 1_500 });
    expect(view.errorKinds).toEqual(["invalid", "transient"]);
    // The governor's queue: 2.4 s of waiting in a minute rounds to nobody waiting; 90 s is 1.5 calls on average.
    expect(view.points[0]!.queued).toBe(0);
    expect(describeMonitoring([row(0, "POST /batches", "ok", 10, 90_000, 12_000)], { stepMs: MINUTE }).points[0]!.queued).toBe(1.5);
    expect(view.totals).toEqual({ calls: 10, throttles: 2, retried: 3, errorsByKind: { throttle: 2, transient: 1, invalid: 3 }, avgWaitMs: 240, maxWaitMs: 1_500 });
    expect(view.byEndpoint[0]).toEqual({ endpoint: "POST /batches", calls: 6, throttles: 2, errors: 0, avgMs: 100 });
  });

  it("gives every point each error kind of the view, 0 in the minutes without it", () => {
    const view = describeMonitoring([row(0, "POST /batches", "transient", 2), row(1, "POST /batches", "ok", 1), row(1, "POST /batches", "throttle", 1)], { stepMs: MINUTE });
    expect(view.points.map((p) => [p.errorsByKind, p.retried, p.throttles])).toEqual([[{ transient: 2 }, 2, 0], [{ transient: 0 }, 1, 1]]);
  });

  it("shows the five busiest endpoints and puts the rest under one key", () => {
    const rows = Array.from({ length: 7 }, (_, i) => row(0, `GET /e${i}`, "ok", 10 - i));
    const view = describeMonitoring(rows, { stepMs: MINUTE });
    expect(view.endpoints).toEqual(["GET /e0", "GET /e1", "GET /e2", "GET /e3", "GET /e4", OTHER_ENDPOINTS]);
    expect(view.points[0]!.byEndpoint[OTHER_ENDPOINTS]).toBe(5 + 4);
  });

  it("turns settled records per minute into records per second, over the run's whole span", () => {
    const view = describeMonitoring([row(1, "POST /lists/{list_id}", "ok", 2)], { stepMs: MINUTE, records: [{ at: at(1), records: 600 }], from: at(0), to: at(2) });
    expect(view.points.map((p) => p.recordsPerSecond)).toEqual([0, 10, 0]);
  });

  it("has no point at all without calls, records or a span", () => {
    expect(describeMonitoring([], { stepMs: MINUTE }).points).toEqual([]);
  });
});
