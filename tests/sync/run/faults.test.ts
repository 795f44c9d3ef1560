import { afterAll, describe, expect, it } from "vitest";
import { MailchimpClient } from "@/lib/mailchimp";
import { handleBatchJob } from "@/lib/sync/run/batch-job";
import { useTestDatabase } from "@/tests/helpers/db";
import { emulatorStats, insertBatch, insertRun, memberDump, normalise, planned, startMailchimp, testRuntime } from "./helpers";

/** Throttles (429, bare 403), 5xx, resets and lost answers are retried and end in the right Mailchimp state. */
const db = await useTestDatabase();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of closers) await c();
});

async function stack(faults: Parameters<typeof startMailchimp>[0], timeoutMs = 3_000) {
  const mc = await startMailchimp(faults);
  const rt = await testRuntime(db.prisma, db.url, mc.config, { retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 40 } });
  rt.runtime.mailchimp = new MailchimpClient(mc.config, { acquire: rt.governor.acquire, timeoutMs });
  closers.push(() => rt.close(), () => mc.emulator.close());
  return { mc, rt };
}

async function runBatches(rt: Awaited<ReturnType<typeof testRuntime>>, listId: string, batches: Array<["subscribe_new" | "upsert_existing", ReturnType<typeof planned>[]]>) {
  const run = await insertRun(db.prisma);
  const rows = [];
  for (const [i, [kind, records]] of batches.entries()) rows.push(await insertBatch(db.prisma, run.id, i, listId, kind, records));
  for (const row of rows) await handleBatchJob(rt.runtime, { runId: run.id, batchId: row.id });
  return db.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
}

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => planned(`${prefix}${i}@shopper.org`, { tags: ["odoo:customer"] }));

describe("faults", () => {
  it("429s, bare 403s, 5xx and connection resets are retried to the same end state as a clean run", async () => {
    const clean = await stack({});
    const faulty = await stack({ fault429Rate: 0.2, bare403Rate: 0.5, fault5xxRate: 0.1, faultResetRate: 0.05 });
    for (const { mc, rt } of [clean, faulty]) {
      // Both emulators hand out the same list id: forget what the clean run learnt, or the faulty run would
      // (rightly) skip batch subscribe for members it has already seen.
      await db.prisma.syncRecord.deleteMany();
      await mc.client.members.upsert(mc.listId, { email_address: "left0@shopper.org", status_if_new: "unsubscribed" });
      const run = await runBatches(rt, mc.listId, [
        ["subscribe_new", [...people("new", 30), planned("left0@shopper.org")]],
        ["upsert_existing", people("upd", 20)],
      ]);
      expect(run).toMatchObject({ status: "succeeded", sent: 51, failed: 0 });
    }
    const stats = await emulatorStats(faulty.mc.emulator.baseUrl);
    expect(Object.keys(stats.errors).some((e) => e.startsWith("429") || e.startsWith("403"))).toBe(true);
    const [a, b] = [await memberDump(clean.mc.emulator.baseUrl, clean.mc.listId), await memberDump(faulty.mc.emulator.baseUrl, faulty.mc.listId)];
    expect(normalise(b)).toEqual(normalise(a));
    expect(b.find((m) => m.email_address === "left0@shopper.org")?.status).toBe("unsubscribed");
  });

  it("an answer lost after the write (timeout) is retried; the members then exist and are upserted without status", async () => {
    const { mc, rt } = await stack({ faultTimeoutRate: 0.5 }, 400);
    const run = await runBatches(rt, mc.listId, [["subscribe_new", people("lost", 10)]]);
    expect(run).toMatchObject({ status: "succeeded", sent: 10 });
    const members = await memberDump(mc.emulator.baseUrl, mc.listId);
    expect(members.filter((m) => m.status === "subscribed")).toHaveLength(10);
    expect(members.every((m) => (m.tags ?? []).some((t) => t.name === "odoo:customer"))).toBe(true);
  });
});
