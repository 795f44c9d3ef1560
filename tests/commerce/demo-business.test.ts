import { afterAll, expect, it } from "vitest";
import { parseOrderId, parseStoreId } from "@/lib/commerce/ids";
import { buildDemoPolicy, savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { startDemoBusiness } from "@/tests/helpers/demo-business";
import { handlePassJob } from "@/lib/reconcile/run/pass-job";
import { FAST_RETRY, quietLog, syncInProcess } from "@/tests/sync/run/helpers";

/**
 * The demo's generated business (what `npm run demo` serves: 300 partners, three companies, USD and EUR, orders
 * with sections, notes and discounts, partial and full credit notes) synced with e-commerce on, as the demo does.
 */
const db = await useTestDatabase();
const demo = await startDemoBusiness(db);
const { mc, odoo, rt } = demo;
const { sf_b2b, sf_b2c, chicago, brussels } = demo.audiences;
afterAll(() => demo.close());

const sync = (mode: "full" | "incremental") => syncInProcess(db.prisma, rt.runtime, mode);
const writes = async () => {
  const s = (await (await fetch(`${mc.baseUrl}/_emulator/stats`)).json()) as { requests: Record<string, number> };
  return Object.entries(s.requests).filter(([k]) => !k.startsWith("GET")).reduce((n, [, v]) => n + v, 0);
};

it("syncs the demo business's orders and credit notes in both currencies, silently, and then writes nothing", async () => {
  await savePolicy(db.prisma, { ...buildDemoPolicy({ sf_b2b, sf_b2c, chicago, brussels }), commerce: { enabled: true } });
  const run = await sync("full");
  expect(run.status).toBe("succeeded");
  const commerce = (run.summary as { commerce: Record<string, number> }).commerce;
  expect(commerce).toMatchObject({ failed: 0 });
  expect(await db.prisma.syncException.count({ where: { kind: "commerce_rejected" } })).toBe(0);
  const stores = [...mc.state.account.stores.values()];
  expect(new Set(stores.map((s) => s.fields.currency_code))).toEqual(new Set(["USD", "EUR"]));
  for (const store of stores) {
    const parts = parseStoreId(store.id)!;
    expect(store.list_id).toBe(parts.listId);
    // Brussels (company 3) sells in EUR into its own audience; the others in USD.
    expect(parts.currency).toBe(parts.companyId === 3 ? "EUR" : "USD");
    expect(store.fields.is_syncing).toBe(false);
  }
  const orders = stores.flatMap((s) => [...s.orders.values()]);
  expect(orders.length).toBe(commerce.ordersCreated);
  expect(orders.length).toBeGreaterThan(50);
  expect(orders.some((o) => o.financial_status === "refunded")).toBe(true);
  // Every order Mailchimp has is a confirmed Odoo order of the store's company and currency.
  const ids = orders.map((o) => parseOrderId(String(o.id))!);
  const odooOrders = new Map((await odoo.read("sale.order", ids, ["state", "company_id", "currency_id"])).map((o) => [o.id, o]));
  for (const store of stores) {
    const parts = parseStoreId(store.id)!;
    for (const o of store.orders.values()) {
      const so = odooOrders.get(parseOrderId(String(o.id))!)!;
      expect(["sale", "done"]).toContain(so.state);
      expect((so.company_id as [number, string])[0]).toBe(parts.companyId);
      expect((so.currency_id as [number, string])[1]).toBe(parts.currency);
    }
  }
  expect(mc.state.account.notifications).toEqual([]);
  const before = await writes();
  expect((await sync("incremental")).status).toBe("succeeded");
  expect(await writes()).toBe(before);
});

it("reads back to the cent: after the sync, Revenue shows no difference and no order gap in either currency", async () => {
  // The commerce sync writes what lib/commerce/README.md promises; the read-back compares it with Odoo's books.
  const pass = await db.prisma.reconcilePass.create({ data: { trigger: "test" } });
  await handlePassJob({ prisma: db.prisma, odoo, mailchimp: rt.runtime.mailchimp, retry: FAST_RETRY, log: quietLog }, { passId: pass.id });
  expect((await db.prisma.reconcilePass.findUniqueOrThrow({ where: { id: pass.id } })).status).toBe("succeeded");
  const rows = await db.prisma.reconcileRevenue.findMany({ where: { passId: pass.id } });
  expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(["USD", "EUR"]));
  expect(rows.filter((r) => r.differenceCents !== 0n).map((r) => `${r.month.toISOString().slice(0, 7)} ${r.companyId} ${r.currency}: ${r.differenceCents}`)).toEqual([]);
  expect(rows.reduce((n, r) => n + r.mailchimpNetCents, 0n)).toBeGreaterThan(0n);
  expect(await db.prisma.reconcileGap.count({ where: { passId: pass.id, kind: { startsWith: "order_" } } })).toBe(0);
});
