import { describe, expect, it } from "vitest";
import { describeRunProgress, type RunProgressInput } from "./describe-run-progress";

const at = (s: number) => new Date(Date.parse("2026-11-30T08:00:00Z") + s * 1000);
const base: RunProgressInput = {
  status: "planning", startedAt: at(0),
  progress: { stage: "reading", partnersRead: 0, partnersTotal: null, readingAt: at(0).toISOString() },
  batches: { records: 0, handedOver: 0, settled: 0, firstStartedAt: null },
};
const byKey = (i: RunProgressInput, now: Date) => Object.fromEntries(describeRunProgress(i, now).map((p) => [p.key, p]));

describe("describeRunProgress", () => {
  it("while reading: partners read of the count, the rate so far, and the time left at that rate", () => {
    const p = byKey({ ...base, progress: { ...base.progress, partnersRead: 3000, partnersTotal: 12000 } }, at(10));
    expect(p.reading).toMatchObject({ state: "active", done: 3000, total: 12000, perSecond: 300, secondsLeft: 30 });
    expect(p.planning).toMatchObject({ state: "waiting", total: null });
    expect(p.sending).toMatchObject({ state: "waiting", done: 0 });
  });

  it("shows a count without a share or an estimate until Odoo's count has answered", () => {
    const p = byKey({ ...base, progress: { ...base.progress, partnersRead: 500 } }, at(5));
    expect(p.reading).toMatchObject({ state: "active", done: 500, total: null, perSecond: 100, secondsLeft: null });
  });

  it("sends while it plans: batches already out move their bars, but no total until planning ends", () => {
    const input = { ...base, progress: { stage: "planning" as const, partnersRead: 12000, partnersTotal: 12000, readingAt: at(0).toISOString(), planningAt: at(40).toISOString() },
      batches: { records: 4000, handedOver: 2000, settled: 1000, firstStartedAt: at(42) } };
    const p = byKey(input, at(52));
    expect(p.reading).toMatchObject({ state: "done", done: 12000, total: 12000, perSecond: 300 });
    expect(p.planning).toMatchObject({ state: "active", done: 4000, total: null });
    expect(p.sending).toMatchObject({ state: "active", done: 2000, total: null, perSecond: 200, secondsLeft: null });
    expect(p.checking).toMatchObject({ state: "active", done: 1000, total: null });
  });

  it("once planned, sending and checking count against every planned record, with the time left", () => {
    const input = { ...base, status: "running", progress: { stage: "planned" as const, partnersRead: 12000, partnersTotal: 12000 },
      batches: { records: 10000, handedOver: 10000, settled: 6000, firstStartedAt: at(0) } };
    const p = byKey(input, at(60));
    expect(p.sending).toMatchObject({ state: "done", done: 10000, total: 10000 });
    expect(p.checking).toMatchObject({ state: "active", done: 6000, total: 10000, perSecond: 100, secondsLeft: 40 });
  });

  it("a finished run is done everywhere; a failed one stops where it was", () => {
    const done = byKey({ ...base, status: "succeeded", progress: { stage: "planned", partnersRead: 10, partnersTotal: 10 }, batches: { records: 8, handedOver: 8, settled: 8, firstStartedAt: at(1) } }, at(9));
    expect(Object.values(done).map((p) => [p.state, p.secondsLeft])).toEqual([["done", null], ["done", null], ["done", null], ["done", null]]);
    const failed = byKey({ ...base, status: "failed", progress: { ...base.progress, partnersRead: 40, partnersTotal: 100 } }, at(9));
    expect(Object.values(failed).map((p) => p.state)).toEqual(["stopped", "stopped", "stopped", "stopped"]);
  });

  it("a run with nothing to send ends with full, empty bars", () => {
    const p = byKey({ ...base, status: "succeeded", progress: { stage: "planned", partnersRead: 5, partnersTotal: 5 } }, at(3));
    expect(p.sending).toMatchObject({ state: "done", done: 0, total: 0 });
  });

  it("the e-commerce step has its own bar: waiting behind the members, running without a count, then the orders it wrote", () => {
    const members = { status: "running", progress: { stage: "planned" as const, partnersRead: 5, partnersTotal: 5 }, batches: { records: 4, handedOver: 4, settled: 4, firstStartedAt: at(1) } };
    const step = (status: string, orders: number, run = "running") => byKey({ ...base, ...members, status: run, commerce: { status, orders, startedAt: at(2), finishedAt: null } }, at(5)).orders;
    expect(step("pending", 0)).toMatchObject({ state: "waiting", total: null });
    expect(step("running", 0)).toMatchObject({ state: "active", done: 0, total: null });
    expect(step("succeeded", 12, "succeeded")).toMatchObject({ state: "done", done: 12, total: 12 });
    expect(step("failed", 0, "failed")).toMatchObject({ state: "stopped" });
  });

  it("counts the opt-outs flowing back to Odoo during the run, done when none is pending, waiting while none came", () => {
    const running = { ...base, status: "running", progress: { stage: "planned" as const, partnersRead: 10, partnersTotal: 10 }, batches: { records: 10, handedOver: 5, settled: 5, firstStartedAt: at(0) } };
    expect(byKey({ ...running, consent: { total: 0, settled: 0, startedAt: at(0) } }, at(10)).consent).toMatchObject({ state: "waiting", done: 0, total: 0 });
    expect(byKey({ ...running, consent: { total: 8, settled: 6, startedAt: at(0) } }, at(20)).consent).toMatchObject({ state: "active", done: 6, total: 8, unit: "opt-outs", perSecond: 0.3, secondsLeft: 7 });
    expect(byKey({ ...running, status: "succeeded", consent: { total: 8, settled: 8, startedAt: at(0) } }, at(30)).consent).toMatchObject({ state: "done", done: 8, total: 8 });
    expect(byKey({ ...running, status: "succeeded", consent: { total: 0, settled: 0, startedAt: at(0) } }, at(30)).consent).toMatchObject({ state: "done", total: 0 });
    // A write-back Odoo keeps refusing, or one held for an admin, keeps the bar open after the run ended.
    expect(byKey({ ...running, status: "succeeded", consent: { total: 3, settled: 2, startedAt: at(0) } }, at(30)).consent).toMatchObject({ state: "stopped", done: 2, total: 3 });
    expect(byKey(running, at(10)).consent).toBeUndefined();
  });
});
