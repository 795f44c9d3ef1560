import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeIdFor } from "@/lib/commerce/ids";
import { exportRevenueCsv } from "@/lib/console/revenue/export-revenue";
import { listRevenue } from "@/lib/console/revenue/list-revenue";
import { revenueCellSchema, revenueFilterSchema } from "@/lib/console/revenue/revenue-filter";
import { revenueOrders } from "@/lib/console/revenue/revenue-orders";
import { requestRepair, RepairRefusedError } from "@/lib/reconcile/repair/request-repair";
import { useTestDatabase } from "@/tests/helpers/db";
import { NORTH, SOUTH, startConsentWorld, type World } from "@/tests/consent/support/consent-world";
import { commerceTools } from "./support/commerce-world";
import { reconcileTools } from "./support/reconcile-world";

/**
 * Revenue and the order gaps against both emulators. Odoo: the fixture's six confirmed USD orders (S00001-S00006,
 * 115.00 each, May 2025) plus June orders in EUR for Shop South with a partial and a full refund, an invoiced order
 * later cancelled, an order of a buyer no audience takes, a cancelled quotation, and credit notes that must count
 * for nothing (draft, cancelled).
 * Mailchimp: the stores and orders the commerce sync would write for them (its contract, lib/commerce/ids.ts).
 */
const db = await useTestDatabase({ asProcessDefault: true });
let world: World;
let t: ReturnType<typeof reconcileTools>;
let c: ReturnType<typeof commerceTools>;
const USD = 1;
const EUR = 2;
const NORTH_USD = storeIdFor(1, NORTH, "USD");
const SOUTH_USD = storeIdFor(2, SOUTH, "USD");
const SOUTH_EUR = storeIdFor(2, SOUTH, "EUR");
const JUNE = "2025-06-10 12:00:00";
const ids: Record<string, number> = {};

beforeAll(async () => {
  world = await startConsentWorld(db);
  await world.reset();
  t = reconcileTools(world);
  c = commerceTools(world);
  expect((await world.sync("full")).status).toBe("succeeded");

  c.currency(EUR, "EUR");
  // S00003 (USD): 15.00 credited through a credit note reversing its invoice (no origin of its own).
  const inv3 = c.move({ type: "out_invoice", state: "posted", companyId: 1, currencyId: USD, total: 115, origin: "S00003", orderId: 3 });
  c.move({ type: "out_refund", state: "posted", companyId: 1, currencyId: USD, total: 15, reverses: inv3, orderId: 3 });
  // Credit notes that are not (yet, or any more) in the books.
  c.move({ type: "out_refund", state: "draft", companyId: 1, currencyId: USD, total: 10, origin: "S00001" });
  c.move({ type: "out_refund", state: "cancel", companyId: 1, currencyId: USD, total: 20, origin: "S00002" });
  // June, Shop South, EUR.
  ids.partial = c.order({ name: "S00107", partnerId: 103, companyId: 2, currencyId: EUR, total: 200, date: JUNE, state: "sale" });
  const inv7 = c.move({ type: "out_invoice", state: "posted", companyId: 2, currencyId: EUR, total: 200, origin: "S00107", orderId: ids.partial });
  c.move({ type: "out_refund", state: "posted", companyId: 2, currencyId: EUR, total: 50.25, reverses: inv7, origin: "S00107", orderId: ids.partial });
  ids.full = c.order({ name: "S00108", partnerId: 104, companyId: 2, currencyId: EUR, total: 80.4, date: JUNE, state: "sale" });
  c.move({ type: "out_refund", state: "posted", companyId: 2, currencyId: EUR, total: 80.4, origin: "S00108", orderId: ids.full });
  ids.cancelled = c.order({ name: "S00109", partnerId: 105, companyId: 2, currencyId: EUR, total: 99.99, date: JUNE, state: "cancel" });
  c.move({ type: "out_invoice", state: "cancel", companyId: 2, currencyId: EUR, total: 99.99, origin: "S00109", orderId: ids.cancelled });
  // A buyer without an email: no audience takes them, so their order is in the books but never for Mailchimp.
  const [nomail] = await world.odoo.create("res.partner", [{ name: "Walk-in Customer", company_id: 2 }]);
  c.order({ name: "S00112", partnerId: nomail!, companyId: 2, currencyId: EUR, total: 10, date: JUNE, state: "sale" });
  // Never confirmed: a cancelled quotation and an open one count nowhere.
  c.order({ name: "S00110", partnerId: 100, companyId: 1, currencyId: USD, total: 42, date: JUNE, state: "cancel" });
  c.order({ name: "S00111", partnerId: 100, companyId: 1, currencyId: USD, total: 17, date: JUNE, state: "draft" });

  // What the commerce sync sends for them.
  await c.store(1, NORTH, "USD");
  await c.store(2, SOUTH, "USD");
  await c.store(2, SOUTH, "EUR");
  const may = "2025-05-01 09:30:00";
  await c.sendOrder(NORTH_USD, { saleOrderId: 1, email: "ann.archer@buyers.io", currency: "USD", total: 115, date: may, status: "paid" });
  await c.sendOrder(NORTH_USD, { saleOrderId: 2, email: "ben.baker@buyers.io", currency: "USD", total: 115, date: may, status: "paid" });
  await c.sendOrder(NORTH_USD, { saleOrderId: 3, email: "cleo.cole@buyers.io", currency: "USD", total: 100, date: may, status: "paid" });
  await c.sendOrder(SOUTH_USD, { saleOrderId: 4, email: "dan.dunn@buyers.io", currency: "USD", total: 115, date: may, status: "paid" });
  await c.sendOrder(SOUTH_USD, { saleOrderId: 5, email: "eve.ellis@buyers.io", currency: "USD", total: 115, date: may, status: "paid" });
  await c.sendOrder(SOUTH_USD, { saleOrderId: 6, email: "fay.ford@buyers.io", currency: "USD", total: 115, date: may, status: "paid" });
  await c.sendOrder(SOUTH_EUR, { saleOrderId: ids.partial, email: "dan.dunn@buyers.io", currency: "EUR", total: 149.75, date: JUNE, status: "partially_refunded" });
  await c.sendOrder(SOUTH_EUR, { saleOrderId: ids.full, email: "eve.ellis@buyers.io", currency: "EUR", total: 0, date: JUNE, status: "refunded" });
  await c.sendOrder(SOUTH_EUR, { saleOrderId: ids.cancelled, email: "fay.ford@buyers.io", currency: "EUR", total: 99.99, date: JUNE, cancelled: true });
  // Someone else's store in the account: not ours, never read.
  await c.api("POST", "/ecommerce/stores", { id: "shopify-1", list_id: NORTH, name: "Shopify", currency_code: "USD" });
}, 90_000);
afterAll(async () => world?.close());

const orderGaps = async (passId: string) =>
  (await t.gaps(passId)).filter((g) => g.kind.startsWith("order_")).map((g) => `${g.kind} ${g.audienceId} ${g.subject} ${g.email}`).sort();
const revenue = async () => (await listRevenue(revenueFilterSchema.parse({ sort: "month", dir: "asc" }))).rows.map((r) => ({
  key: `${r.month} ${r.companyName} ${r.currency}`, gross: r.odooGross, refunds: r.odooRefunds, cancellations: r.odooCancellations, net: r.odooNet,
  notForMailchimp: r.odooNotForMailchimp, mailchimpNet: r.mailchimpNet, difference: r.difference,
}));

describe("revenue", () => {
  it("equals Odoo's books to the cent in both currencies, with no difference and no order gap", async () => {
    const pass = await t.readBack();
    expect(pass.status).toBe("succeeded");
    // Two members pages, the store list, one orders page per store of ours (not the Shopify store's).
    expect(pass.requests).toBe(2 + 1 + 3);
    expect(await orderGaps(pass.id)).toEqual([]);
    expect(await revenue()).toEqual([
      { key: "2025-05 Shop North USD", gross: 345, refunds: 15, cancellations: 0, net: 330, notForMailchimp: 0, mailchimpNet: 330, difference: 0 },
      { key: "2025-05 Shop South USD", gross: 345, refunds: 0, cancellations: 0, net: 345, notForMailchimp: 0, mailchimpNet: 345, difference: 0 },
      { key: "2025-06 Shop South EUR", gross: 390.39, refunds: 130.65, cancellations: 99.99, net: 159.75, notForMailchimp: 10, mailchimpNet: 149.75, difference: 0 },
    ]);
    const data = await listRevenue(revenueFilterSchema.parse({}));
    expect(data.stores.sort()).toEqual([NORTH_USD, SOUTH_EUR, SOUTH_USD].sort());
    expect(data.series.EUR).toEqual([{ month: "2025-06", gross: 390.39, refunds: 130.65, cancellations: 99.99, net: 159.75, expectedInMailchimp: 149.75, mailchimpNet: 149.75 }]);
    const csv = await new Response(exportRevenueCsv({ sort: "month", dir: "asc" })).text();
    expect(csv.trim().split("\n")).toEqual([
      "month,company_id,company,currency,odoo_orders,odoo_gross,odoo_refunds,odoo_cancellations,odoo_net,odoo_not_for_mailchimp,mailchimp_orders,mailchimp_net,mailchimp_cancellations,difference",
      "2025-05,1,Shop North,USD,3,345.00,15.00,0.00,330.00,0.00,3,330.00,0.00,0.00",
      "2025-05,2,Shop South,USD,3,345.00,0.00,0.00,345.00,0.00,3,345.00,0.00,0.00",
      "2025-06,2,Shop South,EUR,4,390.39,130.65,99.99,159.75,10.00,3,149.75,99.99,0.00",
    ]);
  });

  it("pinpoints an order total edited in Mailchimp to that order", async () => {
    await c.editOrder(SOUTH_USD, "so-5", { order_total: 100 });
    const pass = await t.readBack();
    expect(await orderGaps(pass.id)).toEqual([`order_total ${SOUTH} so-5 eve.ellis@buyers.io`]);
    const [gap] = await t.gaps(pass.id, "order_total");
    expect(gap?.detail).toMatchObject({ storeId: SOUTH_USD, saleOrderId: 5, name: "S00005", odooTotal: 115, mailchimpTotal: 100, difference: 15 });
    const rows = await revenue();
    expect(rows.find((r) => r.key === "2025-05 Shop South USD")).toMatchObject({ net: 345, mailchimpNet: 330, difference: 15 });
    expect(rows.filter((r) => r.difference !== 0)).toHaveLength(1);
    // The drill-down from that difference: exactly the order behind it.
    const drill = await revenueOrders(revenueCellSchema.parse({ month: "2025-05", company: "2", currency: "USD" }));
    expect(drill.rows).toEqual([expect.objectContaining({ orderId: "so-5", name: "S00005", odooNet: 115, mailchimpNet: 100, difference: 15, storeId: SOUTH_USD })]);
    const all = await revenueOrders(revenueCellSchema.parse({ month: "2025-05", company: "2", currency: "USD", onlyDiffering: "false" }));
    expect(all.rows.map((r) => r.orderId)).toEqual(["so-5", "so-4", "so-6"]);
    // This world's policy has e-commerce off: Bridgeline may not write orders, so an order repair is refused.
    await expect(requestRepair(db.prisma, { kind: "order_total" }, t.queue)).rejects.toBeInstanceOf(RepairRefusedError);
  });

  it("lists an order deleted from Mailchimp, one that is not Odoo's and a status that disagrees, under their kinds", async () => {
    await c.deleteOrder(SOUTH_USD, "so-4");
    await c.sendOrder(NORTH_USD, { saleOrderId: 99_999, email: "stranger@elsewhere.io", currency: "USD", total: 12.5, date: "2025-05-03 10:00:00", status: "paid" });
    await c.editOrder(SOUTH_EUR, `so-${ids.full}`, { financial_status: "paid" });
    const pass = await t.readBack();
    expect(await orderGaps(pass.id)).toEqual([
      `order_extra ${NORTH} so-99999 stranger@elsewhere.io`,
      `order_missing ${SOUTH} so-4 dan.dunn@buyers.io`,
      `order_status ${SOUTH} so-${ids.full} eve.ellis@buyers.io`,
      `order_total ${SOUTH} so-5 eve.ellis@buyers.io`,
    ]);
    expect((await t.gaps(pass.id, "order_extra"))[0]?.detail).toMatchObject({ cause: "not_in_odoo", mailchimpTotal: 12.5 });
    expect((await t.gaps(pass.id, "order_status"))[0]?.detail).toMatchObject({ odooStatus: "refunded", mailchimpStatus: "open" });
    expect(pass.audiences.find((a) => a.audienceId === SOUTH)?.gaps).toMatchObject({ order_missing: 1, order_total: 1, order_status: 1, order_extra: 0 });
    const rows = await revenue();
    // 115 missing and 15 edited away in South; 12.50 Mailchimp has and Odoo does not in North.
    expect(rows.find((r) => r.key === "2025-05 Shop South USD")).toMatchObject({ net: 345, mailchimpNet: 215, difference: 130 });
    expect(rows.find((r) => r.key === "2025-05 Shop North USD")).toMatchObject({ net: 330, mailchimpNet: 342.5, difference: -12.5 });
    const north = await revenueOrders(revenueCellSchema.parse({ month: "2025-05", company: "1", currency: "USD" }));
    expect(north.rows).toEqual([expect.objectContaining({ orderId: "so-99999", odooState: null, mailchimpNet: 12.5, difference: -12.5 })]);
  });
});
