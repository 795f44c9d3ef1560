import { expect, it } from "vitest";
import { ensureAlertQueue } from "@/lib/alerts/deliver/jobs";
import { ensureCheckQueue } from "@/lib/alerts/check-job";
import { ensurePassQueue } from "@/lib/reconcile/run/jobs";
import { startBoss } from "@/lib/sync/run";
import { useTestDatabase } from "@/tests/helpers/db";

const db = await useTestDatabase();

it("lets several workers starting together create the same queues: none dies of the race (40P01 seen in npm test)", { timeout: 120_000 }, async () => {
  // Four processes' worth of queue clients on a database with no queue yet, all making every queue at once.
  const started = await Promise.allSettled(Array.from({ length: 4 }, async () => {
    const boss = await startBoss(db.url, {}, { supervise: false });
    try {
      await Promise.all([ensurePassQueue(boss), ensureAlertQueue(boss), ensureCheckQueue(boss)]);
      return (await boss.getQueues()).map((q) => q.name).sort();
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }));
  expect(started.filter((s) => s.status === "rejected").map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
  for (const s of started) expect((s as PromiseFulfilledResult<string[]>).value).toEqual(expect.arrayContaining(["alerts.check", "alerts.deliver", "reconcile.pass", "sync.batch", "sync.plan"]));
});
