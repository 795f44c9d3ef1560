import { afterAll, describe, expect, it } from "vitest";
import { ensureQueue } from "@/lib/sync/run/ensure-queue";
import { startBoss } from "@/lib/sync/run/queue";
import { useTestDatabase } from "@/tests/helpers/db";
import { startTcpProxy } from "@/tests/helpers/tcp-proxy";

/**
 * pg-boss 10 does not await the write that records a job's end; with the database gone under a running job that
 * write rejected unhandled, which ended worker processes (and made Next log unhandledRejection in the demo).
 * lib/sync/run/queue-job-ends.ts handles it. A job finishes while its database is cut: no unhandled rejection.
 */
const db = await useTestDatabase();
const target = new URL(db.url);
const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
afterAll(() => proxy.close());

describe("a job that ends while the database is away", () => {
  it("leaves no unhandled rejection behind", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    const boss = await startBoss(proxy.url(db.url), {}, { supervise: false, onError: () => undefined });
    try {
      await ensureQueue(boss, "test.ends", { name: "test.ends" });
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      let finish!: () => void;
      const finishing = new Promise<void>((r) => (finish = r));
      await boss.work("test.ends", { pollingIntervalSeconds: 0.5 }, async () => {
        started();
        await finishing;
      });
      await boss.send("test.ends", {});
      await running;
      await proxy.cut();
      finish();
      // pg-boss records the end right after the handler returns; give the rejection time to surface.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
      await proxy.restore();
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    }
  }, 60_000);
});
