import { it } from "vitest";
import { bossQueue, startBoss } from "@/lib/sync/run/queue";
import { useTestDatabase } from "@/tests/helpers/db";
import { insertBatch, insertRun, planned, startMailchimp } from "./helpers";
import { FAST_QUEUE, FAST_WORKER_ARGS, spawnWorker } from "./spawn-worker";

const db = await useTestDatabase();
it("debug", async () => {
  const boss = await startBoss(db.url, FAST_QUEUE, { supervise: false });
  const mc = await startMailchimp({ latencyMs: 120, perRecordMs: 1 });
  const run = await insertRun(db.prisma);
  for (let b = 0; b < 40; b++) await insertBatch(db.prisma, run.id, b, mc.listId, "subscribe_new", Array.from({length:50},(_,i)=>planned(`d${b}x${i}@shopper.org`)));
  const t0 = Date.now();
  const w = spawnWorker({ databaseUrl: db.url, mailchimp: mc.config }, ["--concurrency", "8", ...FAST_WORKER_ARGS]);
  const q = bossQueue(boss);
  for (const batch of await db.prisma.syncBatch.findMany({ where: { runId: run.id } })) await q.sendBatch(run.id, batch.id, 0);
  let heir: ReturnType<typeof spawnWorker> | undefined;
  for (let i = 0; i < 80; i++) {
    const r = await db.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    const c = await db.prisma.syncBatch.groupBy({ by: ["status"], where: { runId: run.id }, _count: true });
    const jobs = await db.prisma.$queryRawUnsafe<Array<{state:string;n:number}>>("select state::text, count(*)::int n from pgboss.job where name='sync.batch' group by 1");
    console.log(Date.now() - t0, r.status, r.sent, JSON.stringify(c.map((x) => [x.status, x._count])), JSON.stringify(jobs));
    if (r.status === "succeeded") break;
    if (!heir && (c.find(x=>x.status==="succeeded")?._count ?? 0) >= 5) { w.child.kill("SIGKILL"); heir = spawnWorker({ databaseUrl: db.url, mailchimp: mc.config }, ["--concurrency", "8", ...FAST_WORKER_ARGS]); console.log("KILLED"); }
    await new Promise((res) => setTimeout(res, 500));
  }
  heir?.child.kill("SIGKILL");
  console.log(heir?.output().split("\n").filter(l=>!l.includes("batch finished")).slice(0,30).join("\n"));
  await boss.stop({ graceful: false });
  await mc.emulator.close();
}, 60_000);
