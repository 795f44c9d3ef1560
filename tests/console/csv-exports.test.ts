import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMailchimpEmulator, type RunningMailchimpEmulator } from "@/emulators/mailchimp/server";
import { applyConditions } from "@/lib/alerts/apply-conditions";
import { SCOPES } from "@/lib/alerts/evaluate-alerts";
import type { SignedInUser } from "@/lib/auth/authorize";
import { pageBySlug, ROLES, type Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { CSV_TABLES } from "@/lib/console/exports/csv-tables";
import { resetEnvCache } from "@/lib/env";
import { MailchimpClient } from "@/lib/mailchimp";
import { useTestDatabase } from "@/tests/helpers/db";

// GET /api/export/<table> for every table of the console, through the real route and its withRoles guard: the
// session lookup is the one seam (a signed-in user of each role), everything behind it is real Postgres (and the
// Mailchimp emulator for the webhook table). Each table: 200 with its header row and data rows for a role that
// sees its page, 403 for one that does not (401 signed out), and the rows a role sees where the page filters them.
let signedIn: SignedInUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const { GET } = await import("@/app/api/export/[table]/route");

const db = await useTestDatabase({ asProcessDefault: true });
const users = {} as Record<Role, SignedInUser>;
let mailchimp: RunningMailchimpEmulator;
let audience = "";
const EMAIL = "ann@shop.example.com";
let runId = "";

async function call(table: string, role: Role | null, query = ""): Promise<{ status: number; lines: string[]; type: string | null }> {
  signedIn = role ? users[role] : null;
  const res = await GET(new NextRequest(`http://localhost/api/export/${table}${query}`), { params: Promise.resolve({ table }) });
  return { status: res.status, lines: (await res.text()).trim().split("\n"), type: res.headers.get("content-type") };
}

beforeAll(async () => {
  mailchimp = await startMailchimpEmulator({ lists: 1 });
  audience = (await new MailchimpClient({ apiKey: mailchimp.apiKey, baseUrl: mailchimp.url }).lists.all())[0]!.id;
  Object.assign(process.env, { MAILCHIMP_API_KEY: mailchimp.apiKey, MAILCHIMP_BASE_URL: mailchimp.url, MAILCHIMP_WEBHOOK_SECRET: "csv-test-secret", NEXTAUTH_URL: "http://127.0.0.1:3999" });
  resetEnvCache();
  const p = db.prisma;
  for (const role of ROLES) {
    const u = await createUser(p, { email: `${role}@csv.test`, name: `CSV ${role}`, role });
    users[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  runId = randomUUID();
  await p.syncRun.create({ data: { id: runId, mode: "full", trigger: "test", status: "succeeded", plannedNew: 1, startedAt: new Date("2026-11-30T08:00:00Z"), finishedAt: new Date("2026-11-30T08:01:00Z") } });
  await p.syncBatch.create({ data: { runId, seq: 1, audienceId: audience, kind: "subscribe_new", status: "succeeded", recordCount: 1, sentCount: 1, records: [{ audienceId: audience, email: EMAIL, partnerIds: [7], payload: { merge_fields: { FNAME: "Ann" }, tags: [] }, hash: "h1", tagsToAdd: [], tagsToRemove: [], statusIfNew: "transactional" }] } });
  await p.syncRecord.create({ data: { audienceId: audience, email: EMAIL, partnerIds: [7], payloadHash: "h1", lastStatus: "synced", memberStatus: "unsubscribed", lastRunId: runId } });
  await p.mailchimpCallStat.create({ data: { bucket: new Date("2026-11-30T08:00:00Z"), runId, endpoint: "POST /lists/{list_id}", outcome: "throttle", calls: 2, waitMs: 30n, maxWaitMs: 20, durationMs: 40n } });
  await p.auditEvent.create({ data: { actorId: users.admin.id, action: "policy.saved", target: "policy:1", detail: { version: 1 } } });
  const exc = await p.syncException.create({ data: { kind: "no_route", fingerprint: "no_route||partner:9", partnerIds: [9], detail: { name: "Bo, \"the\" buyer" } } });
  await p.exceptionComment.create({ data: { exceptionId: exc.id, authorId: users.ops.id, body: "looking" } });
  await p.syncException.create({ data: { kind: "consent_refused", fingerprint: "consent_refused|x", audienceId: audience, email: EMAIL, partnerIds: [7], detail: { reason: "would widen consent" } } });
  await p.syncException.create({ data: { kind: "email_changed_in_mailchimp", fingerprint: "upemail|x", audienceId: audience, email: EMAIL, partnerIds: [7], detail: { old_email: EMAIL, new_email: "ann2@shop.example.com" } } });
  const event = await p.mailchimpWebhookEvent.create({ data: { listId: audience, type: "unsubscribe", email: EMAIL, payload: {}, dedupeKey: "k1" } });
  const approval = await p.consentApproval.create({ data: { kind: "writeback", count: 60, sample: [{ email: EMAIL, action: "blacklist" }] } });
  await p.consentWriteback.create({ data: { eventId: event.id, audienceId: audience, email: EMAIL, action: "blacklist", target: "mail.blacklist", approvalId: approval.id } });
  await p.consentWriteback.create({ data: { eventId: event.id, audienceId: audience, email: "bo@shop.example.com", action: "blacklist", target: "mail.blacklist", status: "failed", lastError: "Odoo said no" } });
  await applyConditions(p, SCOPES.odoo, [{ kind: "odoo_schema_drift", subject: "res.partner.mobile", title: "mobile gone", message: "seen", action: "fix" }], { owners: {} });
  await applyConditions(p, SCOPES.mailchimp, [{ kind: "mailchimp_merge_fields", subject: audience, title: "merge fields", message: "seen", action: "fix" }], { owners: {} });
  const pass = await p.reconcilePass.create({ data: { trigger: "test", status: "succeeded", summary: { audiences: [audience] }, finishedAt: new Date("2026-11-30T08:05:00Z") } });
  await p.reconcileAudience.create({ data: { passId: pass.id, audienceId: audience, members: 1, expected: 1, byStatus: { unsubscribed: 1 }, gaps: { consent_drift: 1 } } });
  await p.reconcileExpected.create({ data: { passId: pass.id, audienceId: audience, email: EMAIL, partnerIds: [7], payload: { merge_fields: { FNAME: "Ann" }, tags: [] }, hash: "h1" } });
  await p.reconcileMember.create({ data: { passId: pass.id, audienceId: audience, email: EMAIL, status: "unsubscribed", mergeFields: { FNAME: "Anne" } } });
  await p.reconcileOdooOrder.create({ data: { passId: pass.id, saleOrderId: 31, name: "S00031", companyId: 1, currency: "USD", month: new Date("2026-10-01"), dateOrder: new Date("2026-10-12T10:00:00Z"), state: "sale", routed: true, amountCents: 11500n } });
});
afterAll(async () => mailchimp?.close());

/** Per table: the query it needs, a role that sees it, a role that may not (none when every role sees the page), and a line it must hold. */
const CASES: Record<string, { query?: string; line: RegExp }> = {
  "overview-audiences": { line: /^[^,]+,1,0,2,0,1$/ },
  alerts: { line: /odoo_schema_drift/ },
  "reconciliation-audiences": { line: /,1,1,0,0,0,0,1,0/ },
  "record-fields": { query: `?email=${EMAIL}`, line: /FNAME,odoo,Ann,Ann,Anne,true/ },
  "record-history": { query: `?email=${EMAIL}`, line: /write-back to Odoo/ },
  exceptions: { line: /no_route,No audience rule matches,open,,,9,,1,.*,CSV ops: looking$/ },
  "consent-approvals": { line: /,60,blacklist ann@shop\.example\.com$/ },
  "consent-opt-outs": { line: /ann@shop\.example\.com,unsubscribed,7,pending/ },
  "consent-pending": { line: /ann@shop\.example\.com,blacklist,mail\.blacklist,pending/ },
  "consent-failed": { line: /Odoo said no$/ },
  "consent-refused": { line: /would widen consent/ },
  "consent-email-changes": { line: /ann@shop\.example\.com -> ann2@shop\.example\.com/ },
  "consent-webhooks": { line: /,missing,/ },
  "consent-events": { line: /unsubscribe,ann@shop\.example\.com,true,webhook,received/ },
  "revenue-orders": { query: "?month=2026-10&company=1&currency=USD", line: /^so-31,31,S00031,sale,115\.00,/ },
  runs: { line: /,full,false,test,succeeded,/ },
  "run-batches": { query: "", line: /^1,[^,]+,subscribe_new,succeeded,1,1,0,0,/ },
  "run-calls": { query: "", line: /^2026-11-30T08:00:00\.000Z,POST \/lists\/\{list_id\},throttle,2,30,20,40$/ },
  audit: { line: /CSV admin,admin@csv\.test,policy\.saved,policy:1,version: 1/ },
  users: { line: /^finance@csv\.test,CSV finance,finance,true,SSO only,$/ },
};

describe("GET /api/export/<table>", () => {
  it("has a test case for every table the route serves", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(CSV_TABLES).sort());
  });

  for (const [table, c] of Object.entries(CASES)) {
    it(`${table}: the header and its rows for a role that sees the page, 403 for one that does not, 401 signed out`, async () => {
      const roles = pageBySlug(CSV_TABLES[table]!.page).roles;
      const query = table === "run-batches" || table === "run-calls" ? `?run=${runId}` : (c.query ?? "");
      const ok = await call(table, roles[0]!, query);
      expect(ok.status).toBe(200);
      expect(ok.type).toBe("text/csv; charset=utf-8");
      expect(ok.lines[0]).toBe(CSV_TABLES[table]!.columns.join(","));
      expect(ok.lines.length).toBeGreaterThan(1);
      expect(ok.lines.slice(1).some((l) => c.line.test(l)), ok.lines.join("\n")).toBe(true);
      const refused = ROLES.find((r) => !roles.includes(r));
      if (refused) expect((await call(table, refused, query)).status).toBe(403);
      expect((await call(table, null, query)).status).toBe(401);
    });
  }

  it("gives each role the alerts its page shows: marketing its team's, finance none", async () => {
    expect((await call("alerts", "ops")).lines.slice(1).map((l) => l.split(",")[1]).sort()).toEqual(["mailchimp_merge_fields", "odoo_schema_drift"]);
    expect((await call("alerts", "marketing")).lines.slice(1).map((l) => l.split(",")[1])).toEqual(["mailchimp_merge_fields"]);
    expect((await call("alerts", "finance")).lines).toEqual([CSV_TABLES.alerts!.columns.join(",")]);
  });

  it("honours the page's filters, quotes what needs quoting, and refuses unknown tables and bad filters before streaming", async () => {
    expect((await call("exceptions", "ops", "?status=resolved")).lines).toHaveLength(1);
    expect((await call("exceptions", "ops", "?kind=consent_refused")).lines).toHaveLength(2);
    expect((await call("exceptions", "ops", "?kind=no_route")).lines[1]).toContain('"{""name"":""Bo, \\""the\\"" buyer""}"');
    expect((await call("nope", "admin")).status).toBe(404);
    expect((await call("toString", "admin")).status).toBe(404);
    expect((await call("run-batches", "ops", `?run=${randomUUID()}`)).status).toBe(404);
    expect((await call("revenue-orders", "finance", "?month=oct")).status).toBe(400);
    expect((await call("record-fields", "marketing")).status).toBe(400);
  });
});
