import { describe, expect, it } from "vitest";
import { categoryTag, categoryTags, TAG_NAME_MAX } from "@/lib/commerce/category-tags";
import { orderMoney } from "@/lib/commerce/order-money";
import { purchaseMergeValues, purchaseTags } from "@/lib/commerce/purchase-data";
import { indexMembers, selectCustomer } from "@/lib/commerce/select-customer";

describe("orderMoney", () => {
  const sale = { state: "sale" as const, amountTotal: 115, amountTax: 15 };
  it("lowers the total by partial refunds and keeps the status paid", () => {
    expect(orderMoney(sale, [{ amountTotal: 23, amountTax: 3 }])).toEqual({ orderTotal: 92, taxTotal: 12, financialStatus: "paid", refundedCents: 2300 });
  });
  it("is refunded when the credit notes cover the whole total, never below zero", () => {
    expect(orderMoney(sale, [{ amountTotal: 100, amountTax: 10 }, { amountTotal: 20, amountTax: 6 }])).toMatchObject({ orderTotal: 0, taxTotal: 0, financialStatus: "refunded" });
  });
  it("counts to the cent", () => {
    expect(orderMoney({ state: "sale", amountTotal: 0.3, amountTax: 0 }, [{ amountTotal: 0.1, amountTax: 0 }, { amountTotal: 0.2, amountTax: 0 }]).financialStatus).toBe("refunded");
  });
  it("keeps a cancelled order's totals as they were", () => {
    expect(orderMoney({ ...sale, state: "cancel" }, [{ amountTotal: 23, amountTax: 3 }])).toMatchObject({ orderTotal: 115, financialStatus: "cancelled" });
  });
});

describe("selectCustomer", () => {
  const members = indexMembers([{ audienceId: "a", email: "dan@acme.io", partnerIds: [111] }, { audienceId: "a", email: "zed@acme.io", partnerIds: [115] }]);
  const memberOf = (id: number) => members.get(id);
  it("gives a company's order to the family's member with the lowest id, never to a non-member", () => {
    expect(selectCustomer(110, 110, [110, 115, 111], memberOf)?.email).toBe("dan@acme.io");
    expect(selectCustomer(115, 110, [110, 115, 111], memberOf)?.email).toBe("zed@acme.io");
    expect(selectCustomer(200, 200, [200], memberOf)).toBeNull();
  });
});

describe("purchase data", () => {
  const now = Date.UTC(2026, 10, 30) / 1000;
  const p = { netCents: 13_850, orders: 2, firstAt: Date.UTC(2026, 0, 2) / 1000, lastAt: Date.UTC(2026, 9, 1) / 1000, refunded: false };
  it("fills the merge fields to the cent", () => {
    expect(purchaseMergeValues(p)).toEqual({ LTV: 138.5, NETORDERS: 2, AVGORDER: 69.25, FIRSTBUY: "2026-01-02", LASTBUY: "2026-10-01" });
  });
  it("tags the lifecycle stage under the prefix", () => {
    expect(purchaseTags("odoo:", p, { vipThreshold: 100, lapsedDays: 365 }, now)).toEqual(["odoo:stage-repeat", "odoo:stage-vip"]);
    expect(purchaseTags("odoo:", { ...p, orders: 1, refunded: true }, { vipThreshold: 1000, lapsedDays: 30 }, now)).toEqual(["odoo:stage-first-time", "odoo:stage-lapsed", "odoo:stage-refunded"]);
  });
});

describe("categoryTag", () => {
  it("keeps the category's path readable under the prefix", () => {
    expect(categoryTag("odoo:", "All / Saleable / Office Furniture")).toBe("odoo:category-all/saleable/office-furniture");
    expect(categoryTag("odoo:", "Tout / Café Crème")).toBe("odoo:category-tout/cafe-creme");
    expect(categoryTag("odoo:", " / ")).toBeNull();
  });
  it("stays within Mailchimp's 100 characters, long names kept apart by a hash of the complete name", () => {
    const long = (leaf: string) => `All / Saleable / ${"Very Long Category Name / ".repeat(5)}${leaf}`;
    const [a, b] = [categoryTag("bridgeline-managed:", long("Chairs"))!, categoryTag("bridgeline-managed:", long("Tables"))!];
    expect(a.length).toBeLessThanOrEqual(TAG_NAME_MAX);
    expect(a).toMatch(/^bridgeline-managed:category-all\/saleable\/very-long-category-name.*-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(categoryTag("bridgeline-managed:", long("Chairs"))).toBe(a);
  });
  it("merges names that slug alike", () => {
    expect(categoryTags("odoo:", ["All / Tea", "all / TEA"])).toEqual(["odoo:category-all/tea"]);
  });
});
