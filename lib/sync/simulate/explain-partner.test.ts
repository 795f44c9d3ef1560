import { describe, expect, it } from "vitest";
import { BuyingIndex } from "@/lib/sync/plan/buying-index";
import { payloadHash } from "@/lib/sync/plan/canonical-json";
import type { PartnerRow } from "@/lib/sync/plan/partner-row";
import type { ReferenceData } from "@/lib/sync/plan/reference-data";
import { parsePolicy, type PolicyInput } from "@/lib/sync/policy";
import { explainPartner } from "./explain-partner";

// A small business built by hand: company 1 (San Francisco) and 2 (Chicago) sell; Azure (10) is a B2B customer
// with contacts 11 and 12; Wood (20) is a supplier; Jane (30) a B2C buyer; Bob (40) staff.
const ref: ReferenceData = {
  companies: new Map([[1, { name: "San Francisco", partnerId: 1 }], [2, { name: "Chicago", partnerId: 2 }]]),
  companyPartnerIds: new Set([1, 2]),
  staffPartnerIds: new Set([40]),
  staffEmails: new Map([["bob@shop.example.com", [{ partnerId: 40, name: "Bob" }]]]),
  systemPartnerIds: new Set(),
  categories: new Map([[7, "Do Not Market"], [8, "VIP"]]),
  countries: new Map([[1, { name: "United States", code: "US" }]]),
};

function partner(id: number, over: Partial<PartnerRow> = {}): PartnerRow {
  const row: PartnerRow = {
    id, name: `Partner ${id}`, email: `p${id}@mail.example.com`, isCompany: false, commercialId: id, commercialName: `Partner ${id}`, type: "contact",
    supplierRank: 0, partnerShare: true, employee: false, companyId: null, categoryIds: [], active: true, lang: "en_US", countryId: 1,
    street: null, city: null, zip: null, state: null, blacklisted: false, raw: { id }, ...over,
  };
  return row;
}

const azure = partner(10, { name: "Azure Interior", isCompany: true, email: "info@azure.example.com", commercialName: "Azure Interior" });
const brandon = partner(11, { name: "Brandon Freeman", commercialId: 10, commercialName: "Azure Interior", email: "brandon@azure.example.com" });
const colleen = partner(12, { name: "Colleen Diaz", commercialId: 10, commercialName: "Azure Interior", email: "colleen@azure.example.com", type: "invoice" });
const wood = partner(20, { name: "Wood Corner", isCompany: true, supplierRank: 3, commercialName: "Wood Corner" });
const jane = partner(30, { name: "Jane Doe", companyId: 2 });

function buying(): BuyingIndex {
  const b = new BuyingIndex();
  for (const p of [azure, brandon, colleen, wood]) b.setPartner(p.id, p.commercialId, p.isCompany);
  b.addOrder(11, 1_700_000_000, 1); // Brandon orders for Azure, sold by San Francisco
  b.addOrder(30, 1_700_000_000, 2);
  return b;
}

const rules: PolicyInput["routing"] = {
  rules: [
    { name: "San Francisco B2B", audienceId: "sf-b2b", companyIds: [1], customerType: "b2b" },
    { name: "San Francisco B2C", audienceId: "sf-b2c", companyIds: [1], customerType: "b2c" },
    { name: "Chicago", audienceId: "chi", companyIds: [2] },
  ],
};
const policy = (over: PolicyInput = {}) => parsePolicy({ routing: rules, ...over });
const family = [azure, brandon, colleen, wood, jane];
const explain = (target: PartnerRow, over: PolicyInput = {}, partners = family, synced = new Map()) =>
  explainPartner({ target, partners, ctx: { policy: policy(over), ref, buying: buying(), nowSeconds: 1_800_000_000 }, synced });

describe("explainPartner", () => {
  it("says a supplier that never bought is excluded as supplier-only, at the eligibility step", () => {
    const e = explain(wood);
    expect(e.verdict).toBe("excluded");
    expect(e.decidedBy).toEqual({ code: "supplier_only", rule: null });
    expect(e.headline).toBe("Excluded: a supplier (supplier rank 3) that never bought: no confirmed order or posted customer invoice.");
    expect(e.steps.map((s) => [s.step, s.ok])).toEqual([["eligibility", false]]);
  });

  it("names the policy switch when a supplier that buys is kept out", () => {
    const b = buying();
    b.addOrder(20, 1_700_000_000, 1);
    const e = explainPartner({ target: wood, partners: family, ctx: { policy: policy({ eligibility: { supplierThatBuysIsCustomer: false } }), ref, buying: b }, synced: new Map() });
    expect(e.decidedBy).toEqual({ code: "supplier_only", rule: "eligibility.supplierThatBuysIsCustomer: false" });
  });

  it("routes a B2B contact by its commercial partner: B2B, the company that sold to it, the first matching rule", () => {
    const e = explain(brandon);
    expect(e.verdict).toBe("reaches_mailchimp");
    expect(e.facts).toMatchObject({ commercial: { id: 10, name: "Azure Interior", isCompany: true }, customerType: "b2b", company: { id: 1, name: "San Francisco", source: "last_purchase" }, buys: true, orders: 1 });
    expect(e.rules.map((r) => r.matched)).toEqual([true, null, null]);
    expect(e.decidedBy).toEqual({ code: "routed", rule: 'routing rule 1 "San Francisco B2B"' });
    expect(e.member).toMatchObject({ audienceId: "sf-b2b", email: "brandon@azure.example.com", statusIfNew: "transactional", group: "subscribe_new", partnerIds: [11] });
    expect(e.member!.tags).toEqual(["odoo:b2b", "odoo:company-san-francisco"]);
    expect(e.member!.mergeFields).toMatchObject({ FNAME: "Brandon", LNAME: "Freeman", COMPANY: "Azure Interior", CUSTTYPE: "b2b", ORDERS: 1, ODOOID: "11" });
    expect(e.steps.find((s) => s.step === "eligibility")!.text).toContain("credited to its commercial partner, Azure Interior");
  });

  it("leaves the company record and its addresses out under contacts_only, naming the hierarchy rule", () => {
    for (const p of [azure, colleen]) {
      const e = explain(p);
      expect(e.verdict).toBe("excluded");
      expect(e.decidedBy).toEqual({ code: "company_person_not_selected", rule: 'hierarchy.childContacts: "contacts_only"' });
      expect(e.steps.at(-1)).toMatchObject({ step: "hierarchy", ok: false });
    }
    expect(explain(azure, { hierarchy: { childContacts: "all" } }).member?.audienceId).toBe("sf-b2b");
  });

  it("gives the hard exclusions their own reasons: staff, a selling company, archived, blacklisted", () => {
    expect(explain(partner(40, { name: "Bob" })).decidedBy.code).toBe("staff");
    expect(explain(partner(41, { partnerShare: false })).decidedBy.code).toBe("staff");
    expect(explain(partner(1, { isCompany: true })).decidedBy.code).toBe("company_record");
    const b = buying();
    b.addOrder(50, 1_700_000_000, 2);
    const ctx = { policy: policy(), ref, buying: b };
    expect(explainPartner({ target: partner(50, { active: false }), partners: [], ctx, synced: new Map() }).decidedBy.code).toBe("archived");
    expect(explainPartner({ target: partner(50, { blacklisted: true }), partners: [], ctx, synced: new Map() }).decidedBy).toEqual({ code: "blacklisted_in_odoo", rule: "eligibility.excludeBlacklisted: true" });
  });

  it("names the exclude rule that matched", () => {
    const e = explain({ ...jane, categoryIds: [7] }, { eligibility: { exclude: [{ tag: "vip" }, { tag: "do not market" }] } });
    expect(e.decidedBy).toEqual({ code: "excluded_by_tag", rule: 'eligibility.exclude: tag "do not market"' });
  });

  it("makes a customer with no matching rule a no_route exception, and says which rules were tried", () => {
    const e = explain(jane, { routing: { rules: rules.rules!.slice(0, 2) } });
    expect(e.verdict).toBe("exception");
    expect(e.decidedBy).toEqual({ code: "no_route", rule: "routing.rules" });
    expect(e.rules.map((r) => r.matched)).toEqual([false, false]);
    expect(e.headline).toContain("B2C, company Chicago");
  });

  it("refuses a staff member's address on a customer", () => {
    const e = explain({ ...jane, email: "Bob@shop.example.com" });
    expect(e.decidedBy.code).toBe("staff_email");
    expect(e.steps.map((s) => s.step)).toContain("staff_email");
  });

  it("reports an address shared by two customers as duplicate_email, and one family's two records as one member", () => {
    const twin = partner(31, { name: "John Doe", email: jane.email, companyId: 2 });
    const b = buying();
    b.addOrder(31, 1_700_000_000, 2);
    const dup = explainPartner({ target: jane, partners: [...family, twin], ctx: { policy: policy(), ref, buying: b }, synced: new Map() });
    expect(dup.verdict).toBe("exception");
    expect(dup.decidedBy.code).toBe("duplicate_email");
    expect(dup.member!.partnerIds).toEqual([30, 31]);
    const sameFamily = { ...colleen, type: "contact", email: brandon.email };
    const merged = explain(sameFamily, {}, [azure, brandon, sameFamily]);
    expect(merged.verdict).toBe("reaches_mailchimp");
    expect(merged.member!.partnerIds).toEqual([11, 12]);
    expect(merged.headline).toContain("Merged into partner 11's member");
  });

  it("compares with what was last sent: unchanged when the hash matches, an update otherwise", () => {
    const first = explain(jane).member!;
    const hash = payloadHash({ merge_fields: first.mergeFields, tags: first.tags, language: first.language });
    const synced = (payloadHash: string) => new Map([["chi", { payloadHash, appliedTags: first.tags, lastStatus: "synced", refusedHash: null, movedTo: null }]]);
    expect(explain(jane, {}, family, synced(hash)).member!.group).toBe("unchanged");
    const changed = explain(jane, {}, family, synced("older"));
    expect(changed.member!.group).toBe("upsert_existing");
    expect(changed.headline).toMatch(/^Reaches Mailchimp: audience chi by routing rule 3 "Chicago", its member updated/);
  });

  it("gives a consenting customer the subscribed status only when the policy reads consent", () => {
    const consenting = { ...jane, raw: { id: 30, x_consent: true } };
    const e = explain(consenting, { consent: { newMemberStatus: "subscribed_if_consented", consentField: "x_consent" } });
    expect(e.member!.statusIfNew).toBe("subscribed");
    expect(explain(consenting).member!.statusIfNew).toBe("transactional");
  });
});
