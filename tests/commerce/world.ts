import { afterAll } from "vitest";
import { startMailchimpEmulator } from "@/emulators/mailchimp/server";
import { startOdooEmulator } from "@/emulators/odoo/server";
import type { FixtureData } from "@/emulators/odoo/options";
import { OdooClient } from "@/lib/odoo";
import { defaultPlanner } from "@/lib/sync/run/default-planner";
import { useTestDatabase } from "@/tests/helpers/db";
import { syncInProcess, testRuntime } from "@/tests/sync/run/helpers";

/**
 * The commerce tests' world: a test database, a Mailchimp emulator with two audiences (North, Europe), an Odoo
 * emulator holding `fixture`, and an in-process runtime that syncs through the default planner. Closed after the file.
 */
export async function startCommerceWorld(fixture: FixtureData) {
  const db = await useTestDatabase();
  const mc = await startMailchimpEmulator({ port: 0, lists: 2, batchPhaseMs: 1 });
  const odooEmu = await startOdooEmulator({ port: 0, fixture });
  const odoo = new OdooClient({ url: odooEmu.url, db: odooEmu.db, username: odooEmu.login, apiKey: odooEmu.apiKey, protocol: "jsonrpc" });
  const [NORTH, EUROPE] = [...mc.state.account.lists.keys()] as [string, string];
  const rt = await testRuntime(db.prisma, db.url, { apiKey: mc.apiKey, baseUrl: mc.url }, { odoo, planner: defaultPlanner, heartbeatMs: 60_000 });
  afterAll(async () => {
    await rt.close();
    await mc.close();
    await odooEmu.close();
  });

  const sync = (mode: "full" | "incremental") => syncInProcess(db.prisma, rt.runtime, mode);
  const stats = async () => (await (await fetch(`${mc.baseUrl}/_emulator/stats`)).json()) as { requests: Record<string, number>; max_concurrent: Record<string, number> };
  /** Requests that change Mailchimp (every one but GETs) so far. */
  const writes = async () => Object.entries((await stats()).requests).filter(([k]) => !k.startsWith("GET")).reduce((n, [, v]) => n + v, 0);
  const member = (listId: string, email: string) => {
    const m = [...mc.state.account.lists.get(listId)!.members.values()].find((x) => x.email_address === email);
    if (!m) throw new Error(`${email} is not on ${listId}`);
    return m;
  };
  return { db, mc, odooEmu, odoo, rt, NORTH, EUROPE, sync, stats, writes, member };
}
