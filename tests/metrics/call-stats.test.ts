import { afterAll, describe, expect, it } from "vitest";
import { MailchimpClient } from "@/lib/mailchimp";
import { loadRunMonitoring } from "@/lib/console/load-monitoring";
import { CallStats } from "@/lib/metrics/call-stats";
import { writeCallStats } from "@/lib/metrics/flush-call-stats";
import { withRunContext, currentRunId } from "@/lib/metrics/run-context";
import { handleBatchJob } from "@/lib/sync/run/batch-job";
import { useTestDatabase } from "@/tests/helpers/db";
import { emulatorStats, insertBatch, insertRun, planned, startMailchimp, testRuntime } from "@/tests/sync/run/helpers";

/** The monitoring counts: every call a worker makes, attributed to its run, throttles told apart, against the emulator's own count. */
const db = await useTestDatabase();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of closers) await c();
});

describe("Mailchimp call stats", () => {
  it("count a run's calls by endpoint and outcome as the emulator saw them, 429s as throttles, and add up across flushes", async () => {
    const mc = await startMailchimp({ fault429Rate: 0.3 });
    const rt = await testRuntime(db.prisma, db.url, mc.config, { retry: { maxAttempts: 20, baseDelayMs: 1, maxDelayMs: 5 } });
    closers.push(() => rt.close(), () => mc.emulator.close());
    const stats = new CallStats();
    rt.runtime.mailchimp = new MailchimpClient(mc.config, { acquire: rt.governor.acquire, timeoutMs: 5_000, observe: (c) => stats.record({ ...c, runId: currentRunId(), at: new Date() }) });
    const run = await insertRun(db.prisma);
    const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => planned(`${prefix}${i}@shopper.org`));
    const batches = [await insertBatch(db.prisma, run.id, 0, mc.listId, "subscribe_new", people("new", 30)), await insertBatch(db.prisma, run.id, 1, mc.listId, "upsert_existing", people("new", 10))];
    const before = await emulatorStats(mc.emulator.baseUrl);
    for (const [i, b] of batches.entries()) {
      await withRunContext(run.id, () => handleBatchJob(rt.runtime, { runId: run.id, batchId: b.id }));
      // Two flushes: the second adds to the rows of the first, never replaces them.
      if (i === 0) await writeCallStats(db.prisma, stats.drain());
    }
    // A call outside any run is counted too, but not for the run.
    await rt.runtime.mailchimp.ping().catch(() => undefined);
    await writeCallStats(db.prisma, stats.drain());
    const after = await emulatorStats(mc.emulator.baseUrl);

    const throttled = Object.entries(after.errors).filter(([k]) => k.startsWith("429")).reduce((n, [, v]) => n + v, 0)
      - Object.entries(before.errors).filter(([k]) => k.startsWith("429")).reduce((n, [, v]) => n + v, 0);
    const view = (await loadRunMonitoring(run.id, { prisma: db.prisma }))!;
    expect(throttled).toBeGreaterThan(0);
    expect(view.totals.throttles).toBe(throttled);
    expect(view.totals.errorsByKind).toEqual({ throttle: throttled });
    expect(view.totals.retried).toBe(throttled);
    // The emulator counts the HTTP requests it answered (and, under "BATCH ...", the operations inside /batches).
    const http = (r: Record<string, number>) => Object.entries(r).filter(([k]) => !k.startsWith("BATCH ")).reduce((n, [, v]) => n + v, 0);
    const answered = http(after.requests) - http(before.requests);
    const outside = await db.prisma.mailchimpCallStat.aggregate({ where: { runId: null }, _sum: { calls: true } });
    expect(view.totals.calls + (outside._sum.calls ?? 0)).toBe(answered + throttled);
    expect(view.byEndpoint.map((e) => e.endpoint)).toContain("POST /lists/{list_id}");
    expect(view.points.reduce((n, p) => n + p.calls, 0)).toBe(view.totals.calls);
    expect(view.points.some((p) => (p.recordsPerSecond ?? 0) > 0)).toBe(true);
  });
});
