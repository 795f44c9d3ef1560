import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideHandoffs, takeoverJobId, type JobClaim, type WorkerBeat } from "./decide-handoffs";

const T0 = new Date("2026-12-01T12:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const beat = (id: string, heartbeatMs: number, extra: Partial<WorkerBeat> = {}): WorkerBeat => ({ id, heartbeatAt: at(heartbeatMs), stoppedAt: null, declaredDeadAt: null, ...extra });
const claim = (jobId: string, workerId: string): JobClaim => ({ jobId, queue: "sync.batch", workerId, data: { batchId: jobId } });
const DEAD_AFTER = 15_000;
/** The deciding worker "me" has been beating since T0. */
const decide = (nowMs: number, workers: WorkerBeat[], claims: JobClaim[], observingSince: Date | null = T0) =>
  decideHandoffs({ now: at(nowMs), self: "me", observingSince, workers: [beat("me", nowMs), ...workers], claims, deadAfterMs: DEAD_AFTER });

describe("decideHandoffs", () => {
  it("declares a worker dead once its last beat is older than deadAfterMs, and hands on every job it claimed", () => {
    const workers = [beat("a", 20_000), beat("b", 30_000)];
    const claims = [claim("j1", "a"), claim("j2", "a"), claim("j3", "b"), claim("j4", "me")];
    expect(decide(35_000, workers, claims)).toEqual({ declareDead: [], handoffs: [] });
    const d = decide(35_001, workers, claims);
    expect(d.declareDead).toEqual([{ workerId: "a", lastHeartbeatAt: at(20_000), silentMs: 15_001 }]);
    expect(d.handoffs.map((h) => [h.claim.jobId, h.reason, h.newJobId])).toEqual([
      ["j1", "heartbeat_stale", takeoverJobId("j1")],
      ["j2", "heartbeat_stale", takeoverJobId("j2")],
    ]);
  });

  it("hands on at once the jobs of a worker that stopped with jobs unfinished, or that another worker declared dead", () => {
    const workers = [beat("s", 1_000, { stoppedAt: at(1_000) }), beat("d", 1_000, { declaredDeadAt: at(2_000) })];
    const d = decide(2_000, workers, [claim("j1", "s"), claim("j2", "d")]);
    expect(d.declareDead).toEqual([]);
    expect(d.handoffs.map((h) => [h.claim.jobId, h.reason])).toEqual([["j1", "stopped"], ["j2", "declared_dead"]]);
  });

  it("never judges itself, however stale its own row looks", () => {
    const d = decideHandoffs({ now: at(60_000), self: "me", observingSince: T0, workers: [beat("me", 0)], claims: [claim("j1", "me")], deadAfterMs: DEAD_AFTER });
    expect(d).toEqual({ declareDead: [], handoffs: [] });
  });

  it("after its own beats failed (a database outage), waits a full deadAfterMs of beating before calling anyone dead", () => {
    const workers = [beat("a", 0)];
    const claims = [claim("j1", "a")];
    // Back from an outage at 100 s: every other beat is stale, but "a" has not had the chance to beat yet.
    expect(decide(100_000, workers, claims, null)).toEqual({ declareDead: [], handoffs: [] });
    expect(decide(100_000, workers, claims, at(100_000))).toEqual({ declareDead: [], handoffs: [] });
    expect(decide(114_999, workers, claims, at(100_000)).declareDead).toEqual([]);
    expect(decide(115_000, workers, claims, at(100_000)).declareDead.map((w) => w.workerId)).toEqual(["a"]);
    // "a" beat again meanwhile: alive.
    expect(decide(115_000, [beat("a", 110_000)], claims, at(100_000))).toEqual({ declareDead: [], handoffs: [] });
  });

  it("two workers deciding at once hand a job on under the same new id (pg-boss sends it once)", () => {
    const workers = [beat("a", 0)];
    const one = decideHandoffs({ now: at(20_000), self: "x", observingSince: T0, workers: [beat("x", 20_000), beat("y", 20_000), ...workers], claims: [claim("j1", "a")], deadAfterMs: DEAD_AFTER });
    const two = decideHandoffs({ now: at(21_000), self: "y", observingSince: T0, workers: [beat("x", 20_000), beat("y", 21_000), ...workers], claims: [claim("j1", "a")], deadAfterMs: DEAD_AFTER });
    expect(one.handoffs[0]?.newJobId).toBe(two.handoffs[0]?.newJobId);
    expect(takeoverJobId("j1")).not.toBe("j1");
    expect(takeoverJobId(takeoverJobId("j1"))).not.toBe(takeoverJobId("j1"));
  });

  it("hands on a job the queue holds as active that nobody claims, once it is older than deadAfterMs", () => {
    const unclaimed = [{ jobId: "u1", queue: "sync.batch", data: { batchId: "b" }, startedOn: at(0) }];
    const input = { self: "me", workers: [beat("me", 20_000)], claims: [], unclaimed, deadAfterMs: DEAD_AFTER };
    expect(decideHandoffs({ ...input, now: at(15_000), observingSince: T0 }).handoffs).toEqual([]);
    expect(decideHandoffs({ ...input, now: at(15_001), observingSince: T0 }).handoffs).toEqual([
      { claim: { jobId: "u1", queue: "sync.batch", workerId: null, data: { batchId: "b" } }, reason: "unclaimed", lastHeartbeatAt: null, newJobId: takeoverJobId("u1") },
    ]);
    // Not while this worker is just back from an outage.
    expect(decideHandoffs({ ...input, now: at(20_000), observingSince: at(19_000) }).handoffs).toEqual([]);
  });

  it("hands on exactly the claims of gone workers, never a live worker's (property)", () => {
    const workerArb = fc.record({ id: fc.constantFrom("a", "b", "c", "d"), beatAgo: fc.integer({ min: 0, max: 40_000 }), stopped: fc.boolean(), dead: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(workerArb, { selector: (w) => w.id }), fc.array(fc.tuple(fc.uuid(), fc.constantFrom("a", "b", "c", "d", "me"))), (ws, cs) => {
        const now = 50_000;
        const workers = ws.map((w) => beat(w.id, now - w.beatAgo, { stoppedAt: w.stopped ? at(0) : null, declaredDeadAt: w.dead ? at(0) : null }));
        const claims = cs.map(([id, owner]) => claim(id, owner));
        const d = decide(now, workers, claims);
        const gone = new Set<string>(ws.filter((w) => w.stopped || w.dead || w.beatAgo > DEAD_AFTER).map((w) => w.id));
        expect(d.handoffs.map((h) => h.claim.jobId)).toEqual(claims.filter((c) => gone.has(c.workerId)).map((c) => c.jobId));
        expect(d.declareDead.map((w) => w.workerId).sort()).toEqual(ws.filter((w) => !w.stopped && !w.dead && w.beatAgo > DEAD_AFTER).map((w) => w.id).sort());
      }),
    );
  });
});
