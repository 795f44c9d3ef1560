import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { buildDemoPolicy, savePolicy } from "@/lib/sync/policy";
import { NO_POLICY_MESSAGE } from "@/lib/sync/run/errors";
import { useTestDatabase } from "@/tests/helpers/db";
import { emulatorStats, memberDump, startMailchimp } from "./helpers";
import { runSyncCli, type SyncCliEnv } from "./spawn-sync";

/**
 * `npm run sync` end to end: the real planner on a generated Odoo business, the runtime in the CLI's own
 * process, the Mailchimp emulator. Exit codes, the summary line, and a second run that sends nothing.
 */
const db = await useTestDatabase();
let env: SyncCliEnv;
let mc: Awaited<ReturnType<typeof startMailchimp>>;
let lists: string[];
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  mc = await startMailchimp({ lists: 4 });
  lists = [...mc.emulator.state.account.lists.keys()];
  const odoo = await startOdooEmulator({ port: 0, generate: 500, seed: 7 });
  closers.push(() => mc.emulator.close(), () => odoo.close());
  env = { databaseUrl: db.url, mailchimp: mc.config, odoo: { url: odoo.url, db: odoo.db, login: odoo.login, apiKey: odoo.apiKey } };
});
afterAll(async () => {
  for (const c of closers) await c();
});

const SUMMARY_KEYS = ["runId", "status", "mode", "dryRun", "plannedNew", "plannedUpdate", "unchanged", "excluded", "exceptions", "sent", "failed", "durationMs"];
const writes = (requests: Record<string, number>) =>
  Object.entries(requests).filter(([route]) => /^(POST|PUT|PATCH|DELETE) /.test(route) && !route.includes("merge-fields")).reduce((n, [, c]) => n + c, 0);

describe("npm run sync", () => {
  it("prints the usage as text on stderr and exits 2 for a bad mode or an unknown flag, before any run", async () => {
    // Every way a command line can be wrong is parseFlags' (cli-options.test.ts); here, what a person sees.
    for (const [args, reason] of [
      [["--mode", "bogus"], "--mode must be full or incremental, got bogus"],
      [["--mode", "full", "--bogus"], "Unknown option '--bogus'"],
    ] as const) {
      const r = await runSyncCli(env, [...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n").slice(0, 3)).toEqual([expect.stringContaining(reason), "", "Usage: npm run sync -- --mode incremental|full [--dry-run] [flags]"]);
      expect(r.stderr).toContain("  --concurrency N");
    }
    expect(await db.prisma.syncRun.count()).toBe(0);
  }, 120_000);

  it("exits 1 with the reason when no policy is saved", async () => {
    const r = await runSyncCli(env, ["--mode", "full"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.summary).toMatchObject({ status: "failed", error: NO_POLICY_MESSAGE });
  });

  it("exits 2 when another run is active", async () => {
    const active = await db.prisma.syncRun.create({ data: { mode: "full", trigger: "test", status: "running" } });
    const r = await runSyncCli(env, ["--mode", "incremental"]);
    await db.prisma.syncRun.update({ where: { id: active.id }, data: { status: "cancelled" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already running/);
  });

  it("a dry run plans and sends nothing; a full run lands every planned record; a second run sends nothing", async () => {
    const [sf_b2b, sf_b2c, chicago, brussels] = lists as [string, string, string, string];
    await savePolicy(db.prisma, buildDemoPolicy({ sf_b2b, sf_b2c, chicago, brussels }));

    const dry = await runSyncCli(env, ["--mode", "full", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(Object.keys(dry.summary ?? {})).toEqual(expect.arrayContaining(SUMMARY_KEYS));
    expect(dry.summary).toMatchObject({ status: "succeeded", dryRun: true, sent: 0 });
    expect(dry.summary?.plannedNew).toBeGreaterThan(100);
    expect(writes((await emulatorStats(mc.emulator.baseUrl)).requests)).toBe(0);

    const full = await runSyncCli(env, ["--mode", "full"]);
    expect(full.code, full.stderr).toBe(0);
    const s = full.summary as Record<string, number>;
    expect(full.summary).toMatchObject({ status: "succeeded", mode: "full" });
    // Mailchimp refuses some generated addresses (non-ASCII local parts): exceptions, not a failed run.
    const refused = await db.prisma.syncException.count({ where: { kind: { in: ["mailchimp_rejected", "compliance_refused", "forgotten_email"] }, status: "open" } });
    expect(s.failed).toBe(refused);
    expect((s.sent ?? 0) + (s.failed ?? 0)).toBe((s.plannedNew ?? 0) + (s.plannedUpdate ?? 0));
    const members = (await Promise.all(lists.map((l) => memberDump(mc.emulator.baseUrl, l)))).flat();
    expect(members).toHaveLength(s.sent as number);
    // The demo policy gives new members "transactional": nobody was subscribed by the integration.
    expect(new Set(members.map((m) => m.status))).toEqual(new Set(["transactional"]));
    expect(await db.prisma.syncRecord.count({ where: { lastStatus: "synced" } })).toBe(s.sent);

    await fetch(`${mc.emulator.baseUrl}/_emulator/stats/reset`, { method: "POST" });
    const again = await runSyncCli(env, ["--mode", "incremental"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.summary).toMatchObject({ status: "succeeded", plannedNew: 0, plannedUpdate: 0, sent: 0, failed: 0 });
    expect(writes((await emulatorStats(mc.emulator.baseUrl)).requests)).toBe(0);
    // A bound against a hang: four CLI processes, each starting tsx, on a busy 2-core machine.
  }, 180_000);
});
