import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "@/emulators/mailchimp/test-support/webhook-receiver";
import { put } from "@/emulators/odoo/data/put";
import { derivePartner } from "@/emulators/odoo/schema/partner";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { OdooClient } from "@/lib/odoo";
import { runAudit } from "@/lib/audit/run-audit";
import type { AuditReport } from "@/lib/audit/types";
import type { FindingKind } from "@/lib/audit/finding-kinds";
import { buildDemoPolicy, mergeFieldsFor, savePolicy, type Policy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { startDemoBusiness } from "@/tests/helpers/demo-business";
import { childEnv } from "@/tests/sync/run/child-env";
import { syncInProcess } from "@/tests/sync/run/helpers";
import { seededProblems } from "./support/seeded-problems";

/**
 * The integration audit on the demo's generated business (what `npm run demo` serves: 300 partners, seed 1), with
 * the demo's policy, against both emulators. Every count is compared with the problems counted independently from
 * the emulator's rows (support/seeded-problems.ts), and with the exceptions a real full run raises.
 */
const db = await useTestDatabase();
const demo = await startDemoBusiness(db);
const { mc, odooEmu, odoo, rt } = demo;
const { sf_b2b, chicago, brussels } = demo.audiences;
const demoPolicy = buildDemoPolicy(demo.audiences);
// As the demo saves it (scripts/lib/demo-sync.ts): e-commerce on.
const policy: Policy = { ...demoPolicy, commerce: { ...demoPolicy.commerce, enabled: true } };
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  await savePolicy(db.prisma, policy);
});
afterAll(async () => {
  await receiver.close();
  await demo.close();
});

const audit = (now?: Date) => runAudit({ prisma: db.prisma, odoo, mailchimp: rt.runtime.mailchimp, ...(now ? { now: () => now } : {}) });
const countOf = (r: AuditReport, kind: FindingKind) => {
  const f = r.findings.find((x) => x.kind === kind);
  if (!f) throw new Error(`no ${kind} finding in the report`);
  return f.count;
};
/** The audit's Odoo counts, named as support/seeded-problems.ts names the seeded problems. */
const odooCounts = (r: AuditReport) => ({
  missing: countOf(r, "missing_email"), invalid: countOf(r, "invalid_email"), multiple: countOf(r, "multiple_emails"),
  duplicates: countOf(r, "duplicate_email"), staffAddresses: countOf(r, "staff_email"),
  keptOutStaffOrSupplier: countOf(r, "kept_out_staff_or_supplier"), companiesWithoutRoute: countOf(r, "company_without_route"),
  buyersWithoutAudience: countOf(r, "buyer_without_audience"), ordersInOtherCurrencies: countOf(r, "order_currency_without_store"),
});
const emulator = (path: string, body?: object) =>
  fetch(`${mc.baseUrl}/_emulator${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) }).then(async (r) => {
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  });

describe("Odoo data quality on the demo business", () => {
  it("finds every seeded problem with the right counts, the same the planner raises in a full run", async () => {
    const seeded = seededProblems(odooEmu.store);
    // The demo business is seeded with each of these (the last test adds the kinds it holds none of).
    for (const k of ["missing", "invalid", "duplicates"] as const) expect(seeded[k], k).toBeGreaterThan(0);
    // What the demo (seed 1, 300 partners) is known to hold, as its screenshots in the README show: a change to the
    // generator that moves these is seen here, not only in the counts both sides would then agree on.
    expect(seeded).toEqual({ missing: 13, invalid: 6, multiple: 0, duplicates: 2, staffAddresses: 0, keptOutStaffOrSupplier: 0, companiesWithoutRoute: 0, buyersWithoutAudience: 0, ordersInOtherCurrencies: 0 });
    const report = await audit();
    expect(report.sides.odoo).toEqual({ checked: true });
    expect(report.read.partners).toBe(odooEmu.store.table("res.partner").rows.length);
    expect(odooCounts(report)).toEqual(seeded);
    const invalid = report.findings.find((f) => f.kind === "invalid_email")!;
    expect(invalid.severity).toBe("warning");
    expect(invalid.examples.length).toBe(Math.min(10, seeded.invalid));
    expect(invalid.examples[0]).toMatchObject({ partnerIds: [expect.any(Number)], email: expect.any(String) });

    // The planner, run for real, raises the same problems as open exceptions.
    expect((await syncInProcess(db.prisma, rt.runtime, "full")).status).toBe("succeeded");
    const groups = await db.prisma.syncException.groupBy({ by: ["kind"], where: { status: "open" }, _count: true });
    const raised = (kind: string) => groups.find((g) => g.kind === kind)?._count ?? 0;
    expect({ missing: raised("missing_email"), invalid: raised("invalid_email"), multiple: raised("multiple_emails"), duplicates: raised("duplicate_email"),
      staffAddresses: raised("staff_email"), buyersWithoutAudience: raised("no_route") })
      .toEqual({ missing: seeded.missing, invalid: seeded.invalid, multiple: seeded.multiple, duplicates: seeded.duplicates, staffAddresses: seeded.staffAddresses, buyersWithoutAudience: seeded.buyersWithoutAudience });
  });
});

describe("a larger generated business", () => {
  it("5,000 partners (seed 1, every junk kind present): the audit's Odoo counts equal the seeded ones", async () => {
    const big = await startOdooEmulator({ port: 0, generate: 5000, seed: 1 });
    try {
      const seeded = seededProblems(big.store);
      for (const k of ["missing", "invalid", "multiple", "duplicates"] as const) expect(seeded[k], k).toBeGreaterThan(0);
      const client = new OdooClient({ url: big.url, db: big.db, username: big.login, apiKey: big.apiKey, protocol: "jsonrpc" });
      const report = await runAudit({ prisma: db.prisma, odoo: client });
      expect(report.sides.mailchimp).toEqual({ checked: false, error: "Mailchimp is not configured" });
      expect(odooCounts(report)).toEqual(seeded);
    } finally {
      await big.close();
    }
  }, 120_000);
});

describe("Mailchimp health after the demo's first sync", () => {
  it("counts merge fields, webhooks, stores, rates and members Bridgeline does not manage, and sees each change", async () => {
    const wanted = mergeFieldsFor(policy).map((f) => f.tag);
    const before = await audit();
    expect(before.sides.mailchimp).toEqual({ checked: true });
    expect(countOf(before, "merge_fields_missing")).toBe(0); // the first test's full run created them
    // The test runtime has no public URL, so the run registered no webhook: every routed audience lacks one.
    expect(countOf(before, "webhook_missing")).toBe(4);
    expect(countOf(before, "webhook_echo")).toBe(0);
    expect(countOf(before, "store_stuck_syncing")).toBe(0);
    expect(countOf(before, "unmanaged_members")).toBe(0);
    expect(countOf(before, "unsubscribe_rate")).toBe(0);
    expect(countOf(before, "cleaned_rate")).toBe(0);
    const members = [...mc.state.account.lists.values()].reduce((n, l) => n + l.members.size, 0);
    expect(before.read.members).toBe(members);

    // A field deleted by hand, a Bridgeline webhook with "api" ticked, two form signups, an unsubscribe and a bounce.
    mc.state.account.lists.get(chicago)!.mergeFields = mc.state.account.lists.get(chicago)!.mergeFields.filter((f) => f.tag !== wanted[0]);
    await rt.runtime.mailchimp.webhooks.create(sf_b2b, {
      url: receiver.url.replace("/hook", "/api/webhooks/mailchimp/s3cret"),
      events: { subscribe: true, unsubscribe: true, profile: true, cleaned: true, upemail: true, campaign: false },
      sources: { user: true, admin: true, api: true },
    });
    await emulator(`/lists/${chicago}/signup`, { email_address: "walk.in@gmail.com", merge_fields: {} });
    await emulator(`/lists/${chicago}/signup`, { email_address: "newsletter.form@outlook.com", merge_fields: {} });
    const [first, second] = [...mc.state.account.lists.get(brussels)!.members.values()].map((m) => m.email_address);
    await emulator(`/lists/${brussels}/members/${encodeURIComponent(first!)}/actions/unsubscribe`);
    await emulator(`/lists/${brussels}/members/${encodeURIComponent(second!)}/actions/bounce`);
    const store = [...mc.state.account.stores.keys()][0]!;
    await rt.runtime.mailchimp.ecommerce.stores.update(store, { is_syncing: true });

    // Judged an hour on: a store syncing that long with no commerce step running is stuck.
    const after = await audit(new Date(Date.now() + 60 * 60_000));
    expect(countOf(after, "merge_fields_missing")).toBe(1);
    expect(after.findings.find((f) => f.kind === "merge_fields_missing")!.examples[0]).toMatchObject({ label: `${wanted[0]} · Chicago audience`, detail: "missing" });
    expect(countOf(after, "webhook_missing")).toBe(3);
    expect(countOf(after, "webhook_echo")).toBe(1);
    expect(after.findings.find((f) => f.kind === "webhook_echo")!.severity).toBe("critical");
    expect(countOf(after, "unmanaged_members")).toBe(2);
    expect(countOf(after, "unsubscribe_rate")).toBe(1);
    expect(countOf(after, "cleaned_rate")).toBe(1);
    const perAudience = after.findings.find((f) => f.kind === "unsubscribe_rate")!.facts!.perAudience as Record<string, { members: number; count: number }>;
    expect(perAudience[brussels]).toMatchObject({ members: mc.state.account.lists.get(brussels)!.members.size, count: 1 });
    expect(countOf(after, "store_stuck_syncing")).toBe(1);
    expect(after.findings.find((f) => f.kind === "store_stuck_syncing")!.examples[0]!.label).toBe(`store ${store}`);
    // Not yet stuck when judged at once (the policy allows 30 minutes).
    expect(countOf(await audit(), "store_stuck_syncing")).toBe(0);
    await rt.runtime.mailchimp.ecommerce.stores.update(store, { is_syncing: false });
  });
});

describe("problems the demo business does not hold", () => {
  it("two addresses in one field, a staff member who buys, a customer on a staff address, a company no rule routes, its buyer and an order in GBP are each counted", async () => {
    const s = odooEmu.store;
    const now = Math.floor(Date.now() / 1000);
    const stamp = { create_date: now, write_date: now, create_uid: 2, write_uid: 2 };
    const partner = (values: Record<string, unknown>) => {
      const rec = put(s, "res.partner", { ...stamp, type: "contact", active: true, ...values });
      derivePartner(rec, s);
      return rec.id;
    };
    let orderNo = 90000;
    const order = (partnerId: number, companyId: number, currencyId: number) =>
      put(s, "sale.order", { ...stamp, name: `S${orderNo++}`, state: "sale", date_order: now, partner_id: partnerId, partner_invoice_id: partnerId, partner_shipping_id: partnerId,
        company_id: companyId, currency_id: currencyId, amount_untaxed: 1000, amount_tax: 0, amount_total: 1000, invoice_ids: [], user_id: 2 });
    const company4 = partner({ name: "My Company (London)", is_company: true, email: "london@yourcompany.example.com" });
    put(s, "res.company", { ...stamp, name: "My Company (London)", partner_id: company4, currency_id: 2, country_id: 1 });
    const staffBuyer = partner({ name: "Staff Buyer", email: "staff.buyer@gmail.com", employee: true });
    order(staffBuyer, 1, 2);
    const staffAddress = String(s.table("hr.employee").rows.find((e) => typeof e.work_email === "string" && e.work_email !== "admin@yourcompany.example.com")!.work_email);
    order(partner({ name: "Uses A Work Address", email: staffAddress }), 2, 2);
    order(partner({ name: "London Buyer", email: "london.buyer@gmail.com", company_id: 4 }), 4, 2);
    order(partner({ name: "Pays In Pounds", email: "pays.in.pounds@gmail.com" }), 1, 3);
    order(partner({ name: "Two Inboxes", email: "two.inboxes@gmail.com; two.inboxes@outlook.com" }), 3, 1);

    const seeded = seededProblems(s);
    for (const k of ["multiple", "staffAddresses", "keptOutStaffOrSupplier", "companiesWithoutRoute", "buyersWithoutAudience", "ordersInOtherCurrencies"] as const) expect(seeded[k], k).toBe(1);
    const report = await audit();
    expect(odooCounts(report)).toEqual(seeded);
    expect(report.findings.find((f) => f.kind === "kept_out_staff_or_supplier")!.examples[0]).toMatchObject({ partnerIds: [staffBuyer], detail: "staff" });
    expect(report.findings.find((f) => f.kind === "company_without_route")!.examples[0]).toMatchObject({ label: "company 4", detail: "My Company (London)" });
  });
});

/** `npm run audit` as an operator runs it: `node --import tsx scripts/audit.ts`, pointed at this file's database and emulators. */
function auditCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = childEnv({ databaseUrl: db.url, mailchimp: { apiKey: mc.apiKey, baseUrl: mc.url }, odoo: { url: odooEmu.url, db: odooEmu.db, login: odooEmu.login, apiKey: odooEmu.apiKey } });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/audit.ts", ...args], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run audit", () => {
  it("prints the same findings as JSON and saves them as the console's latest report; a wrong flag is a usage error", async () => {
    const inProcess = await audit();
    const cli = await auditCli([]);
    expect(cli.code, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as AuditReport;
    expect(printed.sides).toEqual({ odoo: { checked: true }, mailchimp: { checked: true } });
    expect(printed.findings.map((f) => [f.kind, f.count, f.severity])).toEqual(inProcess.findings.map((f) => [f.kind, f.count, f.severity]));
    const saved = await db.prisma.auditReport.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(saved.trigger).toBe("cli");
    expect((saved.report as unknown as AuditReport).findings).toEqual(printed.findings);

    const wrong = await auditCli(["--everything"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Usage: npm run audit");
  }, 120_000);
});
