import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MailchimpClient } from "@/lib/mailchimp";
import { ConnectionGovernor, PRIORITY_RANK } from "@/lib/sync/governor";
import { waitSpace } from "@/lib/sync/governor/keys";
import { useTestDatabase } from "@/tests/helpers/db";
import { emulatorStats, maxConcurrent, startMailchimp } from "./helpers";

/** The connection budget is shared through Postgres: every governor here is its own session, like a process. */
const db = await useTestDatabase();
const open: ConnectionGovernor[] = [];
afterAll(async () => {
  for (const g of open) await g.close().catch(() => undefined);
});

async function governor(apiKey: string, maxConnections: number) {
  const g = await ConnectionGovernor.start({ databaseUrl: db.url, apiKey, maxConnections, pollMs: 10 });
  open.push(g);
  return g;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until another process can see a waiter at this priority (its shared advisory lock in pg_locks). */
async function untilWaitingVisible(apiKey: string, priority: keyof typeof PRIORITY_RANK): Promise<void> {
  for (;;) {
    const rows = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::bigint::oid AND objid = $2::bigint::oid",
      waitSpace(apiKey), PRIORITY_RANK[priority],
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await sleep(10);
  }
}

describe("ConnectionGovernor", () => {
  it("lets max through at once across sessions, and never more", async () => {
    const gs = [await governor("key-a", 3), await governor("key-a", 3), await governor("key-a", 3)];
    // Three slots held together, one per process: the limit is reachable.
    const first = await Promise.all(gs.map((g) => g.acquire("backfill")));
    first.forEach((release) => release());
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const release = await (gs[i % 3] as ConnectionGovernor).acquire("backfill");
        peak = Math.max(peak, ++inFlight);
        await sleep(5 + (i % 4) * 3);
        inFlight--;
        release();
      }),
    );
    expect(peak).toBeLessThanOrEqual(3);
  });

  it("serves a waiting consent request before backfill requests waiting in other processes", async () => {
    const holder = await governor("key-b", 2);
    const backfill = await governor("key-b", 2);
    const consent = await governor("key-b", 2);
    const held = [await holder.acquire("backfill"), await holder.acquire("backfill")];
    const order: string[] = [];
    const waits = [
      backfill.acquire("backfill").then((r) => (order.push("backfill-1"), r)),
      backfill.acquire("backfill").then((r) => (order.push("backfill-2"), r)),
    ];
    await untilWaitingVisible("key-b", "backfill");
    const consentWait = consent.acquire("consent").then((r) => (order.push("consent"), r));
    await untilWaitingVisible("key-b", "consent");
    held[0]?.();
    const consentRelease = await consentWait;
    expect(order).toEqual(["consent"]);
    held[1]?.();
    consentRelease();
    for (const r of await Promise.all(waits)) r();
    expect(order[0]).toBe("consent");
    expect(order.slice(1).sort()).toEqual(["backfill-1", "backfill-2"]);
  });

  it("in one process, serves priorities in order", async () => {
    const g = await governor("key-c", 1);
    const first = await g.acquire("backfill");
    const order: string[] = [];
    // acquire() queues its waiter before it returns: all three wait when the slot is released.
    const all = (["backfill", "live", "consent"] as const).map((p) => g.acquire(p).then((r) => (order.push(p), r())));
    first();
    await Promise.all(all);
    expect(order).toEqual(["consent", "live", "backfill"]);
  });

  it("frees a dead process' slots when Postgres drops its session", async () => {
    const doomed = await governor("key-d", 2);
    const survivor = await governor("key-d", 2);
    await doomed.acquire("backfill");
    await doomed.acquire("backfill");
    const waiting = survivor.acquire("backfill");
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    // Only this file's database: the server may be shared with other test runs, whose governors must live.
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bridgeline-governor' AND datname = current_database() AND pid <> ALL($1::int[])",
      [[await pidOf(survivor)]],
    );
    await admin.end();
    const release = await waiting;
    release();
  });

  it("keeps the emulator under its 10 connections with many concurrent calls from two processes", async () => {
    const mc = await startMailchimp({ latencyMs: 40 });
    const [g1, g2] = [await governor(mc.config.apiKey, 10), await governor(mc.config.apiKey, 10)];
    const clients = [g1, g2].map((g) => new MailchimpClient(mc.config, { acquire: g.acquire, timeoutMs: 5_000 }));
    await Promise.all(Array.from({ length: 60 }, (_, i) => (clients[i % 2] as MailchimpClient).ping()));
    const stats = await emulatorStats(mc.emulator.baseUrl);
    // At most 10 whatever the timing; that the 10 can be held at once is the first test's business.
    expect(maxConcurrent(stats)).toBeLessThanOrEqual(10);
    expect(Object.keys(stats.errors)).toEqual([]);
    await mc.emulator.close();
  });
});

async function pidOf(g: ConnectionGovernor): Promise<number> {
  const { rows } = await g.connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  return rows[0]?.pid as number;
}
