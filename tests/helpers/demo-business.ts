import { fileURLToPath } from "node:url";
import { startMailchimpEmulator } from "@/emulators/mailchimp/server";
import { startOdooEmulator } from "@/emulators/odoo/server";
import type { Db } from "@/lib/sync/run/db";
import { OdooClient } from "@/lib/odoo";
import { defaultPlanner } from "@/lib/sync/run/default-planner";
import { testRuntime } from "@/tests/sync/run/helpers";

/**
 * The demo's business as `npm run demo` serves it: the Odoo emulator's generated data (300 partners, seed 1) and
 * the Mailchimp emulator with the demo's four audiences (scripts/demo-data), with an in-process runtime running
 * the real planner against them.
 */
export async function startDemoBusiness(db: { prisma: Db; url: string }) {
  const lists = fileURLToPath(new URL("../../scripts/demo-data/mailchimp-audiences.json", import.meta.url));
  const mc = await startMailchimpEmulator({ port: 0, lists, batchPhaseMs: 1 });
  const odooEmu = await startOdooEmulator({ port: 0 });
  const odoo = new OdooClient({ url: odooEmu.url, db: odooEmu.db, username: odooEmu.login, apiKey: odooEmu.apiKey, protocol: "jsonrpc" });
  const rt = await testRuntime(db.prisma, db.url, { apiKey: mc.apiKey, baseUrl: mc.url }, { odoo, planner: defaultPlanner, heartbeatMs: 60_000 });
  const [sf_b2b, sf_b2c, chicago, brussels] = [...mc.state.account.lists.keys()] as [string, string, string, string];
  return {
    mc, odooEmu, odoo, rt, audiences: { sf_b2b, sf_b2c, chicago, brussels },
    async close() {
      await rt.close();
      await mc.close();
      await odooEmu.close();
    },
  };
}
