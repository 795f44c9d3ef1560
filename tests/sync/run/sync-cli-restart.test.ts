import { afterAll, describe, expect, it } from "vitest";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { buildDemoPolicy, savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { startTcpProxy } from "@/tests/helpers/tcp-proxy";
import { until } from "@/tests/helpers/until";
import { memberDump, startMailchimp } from "./helpers";
import { runSyncCli } from "./spawn-sync";

/**
 * `npm run sync` when the database restarts during its run (issue 15): the worker in the CLI's process pauses
 * and starts over as `npm run worker` does, the CLI's own wait for the run's end waits for the database too, and
 * the command ends with the run succeeded and every member sent once. Before, the CLI died on the lost connection.
 * The database is cut and restored through a TCP proxy (the shared Postgres must not be restarted).
 */
const db = await useTestDatabase();
const target = new URL(db.url);
const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
const odoo = await startOdooEmulator({ port: 0, generate: 400, seed: 7 });
const mc = await startMailchimp({ lists: 4, latencyMs: 60, perRecordMs: 1 });
afterAll(async () => {
  await proxy.close();
  await odoo.close();
  await mc.emulator.close();
});

describe("npm run sync across a database restart", () => {
  it("pauses, carries on when the database is back, and exits 0 with every member sent once", async () => {
    const lists = [...mc.emulator.state.account.lists.keys()];
    const [sf_b2b, sf_b2c, chicago, brussels] = lists as [string, string, string, string];
    // Small batches: a run of many batches, so the cut lands in the middle of it.
    await savePolicy(db.prisma, { ...buildDemoPolicy({ sf_b2b, sf_b2c, chicago, brussels }), batching: { subscribeBatchSize: 10, upsertOpsPerBatch: 10, odooPageSize: 100, overlapSeconds: 300 } });
    const env = { databaseUrl: proxy.url(db.url), mailchimp: mc.config, odoo: { url: odoo.url, db: odoo.db, login: odoo.login, apiKey: odoo.apiKey } };
    const cli = runSyncCli(env, ["--mode", "full", "--concurrency", "2", "--max-connections", "2", "--retry-delay-seconds", "1", "--mailchimp-timeout-ms", "10000", "--heartbeat-seconds", "1", "--dead-after-seconds", "3"]);

    await until("batches before the cut", async () => (await db.prisma.syncBatch.count({ where: { status: "succeeded" } })) >= 3);
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await db.prisma.syncBatch.count({ where: { status: { in: ["pending", "running"] } } })).toBeGreaterThan(0);
    await proxy.restore();

    const r = await cli;
    expect(r.code, r.stderr.slice(-4000)).toBe(0);
    expect(r.summary, r.stdout).toMatchObject({ status: "succeeded" });
    // The only failures are the addresses Mailchimp refuses for good (the generated business has a few): none is
    // a job lost to the outage.
    const refused = await db.prisma.syncRecord.findMany({ where: { lastStatus: { not: "synced" } }, select: { lastErrorKind: true } });
    expect(r.summary?.failed).toBe(refused.length);
    expect(new Set(refused.map((x) => x.lastErrorKind))).toEqual(new Set(refused.length ? ["invalid_email"] : []));
    expect(r.stderr).toMatch(/database unavailable/);
    const run = await db.prisma.syncRun.findUniqueOrThrow({ where: { id: String(r.summary?.runId) } });
    expect((run.summary as { databaseOutages?: unknown[] }).databaseOutages, r.stderr.split("\n").filter((l) => /session lost|back|outage|starting|unavailable|fatal/.test(l)).join("\n")).toHaveLength(1);
    // Every member sent once: as many members across the audiences as records the run synced.
    const members = (await Promise.all(lists.map((l) => memberDump(mc.emulator.baseUrl, l)))).flat();
    expect(members).toHaveLength(await db.prisma.syncRecord.count({ where: { lastStatus: "synced" } }));
    expect(members.length).toBe(r.summary?.sent);
  }, 180_000);
});
