import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bool } from "@/emulators/odoo/schema/common";
import { diagnose, type AlertDeps } from "@/lib/alerts/evaluate-alerts";
import { createAlertHooks } from "@/lib/alerts/runtime-hooks";
import type { AlertChange } from "@/lib/alerts/types";
import { MailchimpClient } from "@/lib/mailchimp";
import { parsePolicy, savePolicy, type PolicyInput } from "@/lib/sync/policy";
import { useWebhookSecret } from "@/tests/consent/helpers";
import { NORTH, SOUTH, startConsentWorld, type World } from "@/tests/consent/support/consent-world";
import { useTestDatabase } from "@/tests/helpers/db";
import { quietLog } from "@/tests/sync/run/helpers";

/**
 * Proactive diagnosis and run-health alerts against both emulators, the real planner and executors: each
 * condition raises its alert before the next run writes anything, and clearing it resolves the alert.
 */
// The webhook route the forwarder calls uses getPrisma(): this file's database.
const db = await useTestDatabase({ asProcessDefault: true });
let world: World;
/** Every alert change, with the Mailchimp writes the engine had made when it was raised. */
const raised: Array<AlertChange & { writesBefore: number }> = [];
let deps: AlertDeps;

const POLICY: PolicyInput = {
  consent: { newMemberStatus: "subscribed_if_consented", consentField: "x_marketing_consent", fallback: "pending" },
  routing: { rules: [{ name: "North", audienceId: NORTH, companyIds: [1] }, { name: "South", audienceId: SOUTH, companyIds: [2] }] },
};
const writes = () => world.proxy.requests.filter((r) => r.method !== "GET").length;

beforeAll(async () => {
  useWebhookSecret();
  world = await startConsentWorld(db);
  deps = {
    prisma: db.prisma, odoo: world.odoo, mailchimp: world.rt.runtime.mailchimp, log: quietLog,
    ...(world.rt.runtime.webhookUrl ? { webhookUrl: world.rt.runtime.webhookUrl } : {}),
    notify: async (changes) => void raised.push(...changes.map((c) => ({ ...c, writesBefore: writes() }))),
  };
  world.rt.runtime.alerts = createAlertHooks(deps);
});
afterAll(() => world.close());
beforeEach(async () => {
  await world.reset();
  await db.prisma.alert.deleteMany();
  raised.length = 0;
  await savePolicy(db.prisma, parsePolicy(POLICY));
});

const openAlerts = (kind: string) => db.prisma.alert.findMany({ where: { kind, status: "open" } });
const alertOf = (kind: string, subject: string) => db.prisma.alert.findFirstOrThrow({ where: { kind, subject }, orderBy: { id: "desc" } });

async function schema(body: object) {
  const res = await fetch(`${world.odooEmu.url}/_emulator/schema`, { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`schema change: ${res.status} ${await res.text()}`);
}

/** A first full run (so later runs have something to compare with), then the Mailchimp writes so far. */
async function baseline() {
  expect((await world.sync("full")).status).toBe("succeeded");
  return writes();
}

describe("Odoo schema drift stops the next run before it writes", () => {
  it("a renamed mapped field: alert naming the new name, run failed, nothing written; renaming back resolves it", async () => {
    const before = await baseline();
    await schema({ model: "res.partner", rename: { from: "phone", to: "x_phone" } });
    const run = await world.sync("full");
    expect(run.status).toBe("failed");
    expect(run.error).toContain("res.partner.phone");
    expect(writes()).toBe(before);
    const alert = await alertOf("odoo_schema_drift", "res.partner.phone");
    expect(alert).toMatchObject({ status: "open", team: "admin", severity: "critical" });
    expect(alert.detail).toMatchObject({ problem: "renamed", renamedTo: "x_phone" });
    expect(alert.title).toContain("renamed to x_phone");
    expect(raised.find((r) => r.kind === "odoo_schema_drift")?.writesBefore).toBe(before);
    expect(await openAlerts("run_failed")).toHaveLength(1);

    await schema({ model: "res.partner", rename: { from: "x_phone", to: "phone" } });
    expect((await world.sync("full")).status).toBe("succeeded");
    expect((await alertOf("odoo_schema_drift", "res.partner.phone")).status).toBe("resolved");
    expect(await openAlerts("run_failed")).toHaveLength(0);
    expect(raised.map((r) => `${r.event} ${r.kind}`)).toEqual(expect.arrayContaining(["opened odoo_schema_drift", "resolved odoo_schema_drift", "opened run_failed", "resolved run_failed"]));
  });

  it("a removed custom field (the consent field): alert, nothing written; restoring it resolves", async () => {
    const before = await baseline();
    await schema({ model: "res.partner", remove: "x_marketing_consent" });
    expect((await world.sync("incremental")).status).toBe("failed");
    expect(writes()).toBe(before);
    const alert = await alertOf("odoo_schema_drift", "res.partner.x_marketing_consent");
    expect(alert.detail).toMatchObject({ problem: "missing" });
    expect(String((alert.detail as { usedFor: string }).usedFor)).toContain("consent");

    const table = world.odooEmu.store.table("res.partner");
    table.spec = { ...table.spec, fields: { ...table.spec.fields, x_marketing_consent: bool("Marketing consent") } };
    await diagnose(deps);
    expect((await alertOf("odoo_schema_drift", "res.partner.x_marketing_consent")).status).toBe("resolved");
  });

  it("a new selection value (company_type) is drift: the run stops before writing", async () => {
    const before = await baseline();
    const table = world.odooEmu.store.table("res.partner");
    const saved = table.spec;
    await schema({ model: "res.partner", field: "company_type", add_selection: ["foundation", "Foundation"] });
    expect((await world.sync("incremental")).status).toBe("failed");
    expect(writes()).toBe(before);
    const alert = await alertOf("odoo_schema_drift", "res.partner.company_type");
    expect(alert.detail).toMatchObject({ problem: "selection_added", added: ["foundation"] });

    table.spec = saved;
    expect((await world.sync("incremental")).status).toBe("succeeded");
    expect((await alertOf("odoo_schema_drift", "res.partner.company_type")).status).toBe("resolved");
  });
});

describe("Mailchimp's side", () => {
  it("a deleted audience webhook is an alert before the run writes; the run re-registers it and its closing check resolves it", async () => {
    const before = await baseline();
    // The first run found no webhook either (it registers them after its diagnosis): the schedule's check clears that.
    await diagnose(deps);
    expect(await openAlerts("webhook_missing")).toHaveLength(0);
    raised.length = 0;
    await world.unhook(NORTH);
    expect((await world.sync("incremental")).status).toBe("succeeded");
    const opened = raised.find((r) => r.kind === "webhook_missing" && r.event === "opened");
    expect(opened?.writesBefore).toBe(before);
    expect(await alertOf("webhook_missing", NORTH)).toMatchObject({ team: "ops" });
    // The run put the webhook back, and the check after the run saw it: resolved without waiting for the schedule.
    expect((await alertOf("webhook_missing", NORTH)).status).toBe("resolved");
    expect(raised.some((r) => r.kind === "webhook_missing" && r.event === "resolved")).toBe(true);
  });
  it("a routed audience deleted in Mailchimp stops the run before any write, naming the audience, its rule and the fix; back again, the run goes ahead", async () => {
    const before = await baseline();
    raised.length = 0;
    const south = world.mcEmu.state.account.lists.get(SOUTH)!;
    world.mcEmu.state.account.lists.delete(SOUTH);
    // A change in each audience: without the stop, the run would write the North one and try the South one.
    await world.odoo.write("res.partner", [100, 103], { phone: "+32 470 00 00 99" });
    const run = await world.sync("incremental");
    expect(run.status).toBe("failed");
    expect(run.error).toContain("Stopped before any write");
    expect(run.error).toContain(`Audience ${SOUTH} does not exist in Mailchimp`);
    expect(run.error).toContain('routing rule "South"');
    expect(run.error).toContain("Settings → Policy");
    expect(run.error).toContain("recreate the audience in Mailchimp");
    // Not a member, tag, merge field or webhook written, in either audience.
    expect(writes()).toBe(before);
    expect(raised.find((r) => r.kind === "mailchimp_audience_missing" && r.event === "opened")?.writesBefore).toBe(before);
    const alert = await alertOf("mailchimp_audience_missing", SOUTH);
    expect(alert).toMatchObject({ status: "open", team: "admin", severity: "critical" });
    expect(alert.detail).toMatchObject({ rules: ["South"] });
    expect(alert.title).toContain(SOUTH);
    expect(await openAlerts("run_failed")).toHaveLength(1);
    // The audience that exists is judged as before: no alert of any kind on it.
    expect(await db.prisma.alert.count({ where: { subject: NORTH, status: "open" } })).toBe(0);

    world.mcEmu.state.account.lists.set(SOUTH, south);
    expect((await world.sync("incremental")).status).toBe("succeeded");
    expect((await alertOf("mailchimp_audience_missing", SOUTH)).status).toBe("resolved");
    expect(writes()).toBeGreaterThan(before);
  });

  it("Bridgeline's webhook with the api source ticked is unhealthy; unticked, the check resolves it", async () => {
    await baseline();
    await diagnose(deps);
    const ours = (await world.mailchimp.webhooks.list(NORTH)).find((w) => w.url === deps.webhookUrl)!;
    const tick = (api: boolean) => world.mailchimp.webhooks.update(NORTH, ours.id, { url: ours.url, events: ours.events!, sources: { ...ours.sources, api } });
    await tick(true);
    await diagnose(deps);
    const alert = await alertOf("webhook_unhealthy", NORTH);
    expect(alert).toMatchObject({ status: "open", team: "ops", severity: "warning" });
    expect(alert.detail).toMatchObject({ status: "api_source_ticked" });
    await tick(false);
    await diagnose(deps);
    expect((await alertOf("webhook_unhealthy", NORTH)).status).toBe("resolved");
  });
});

describe("run health", () => {
  it("an exception spike opens an alert; a run without new exceptions resolves it", async () => {
    await savePolicy(db.prisma, parsePolicy({ ...POLICY, alerts: { exceptionSpikeMin: 1, exceptionSpikeRate: 0.01 } }));
    await baseline();
    expect(await openAlerts("exceptions_spike")).toHaveLength(0);
    await world.odoo.write("res.partner", [101], { email: "not an email" });
    await world.sync("incremental");
    const [spike] = await openAlerts("exceptions_spike");
    expect(spike?.detail).toMatchObject({ newExceptions: 1 });
    await world.sync("incremental");
    expect(await openAlerts("exceptions_spike")).toHaveLength(0);
  });

  it("a run of 429s opens the throttle alert; a run without them resolves it", async () => {
    await savePolicy(db.prisma, parsePolicy({ ...POLICY, alerts: { throttlesPerRun: 1 } }));
    // Straight to the emulator (the recording proxy does not pass on a throttle that closes the socket early).
    const proxied = world.rt.runtime.mailchimp;
    world.rt.runtime.mailchimp = new MailchimpClient({ apiKey: world.mcEmu.apiKey, baseUrl: world.mcEmu.url }, { acquire: world.rt.governor.acquire, timeoutMs: 5_000 });
    world.mcEmu.state.options.fault429Rate = 0.5;
    try {
      const run = await world.sync("full");
      expect(run.status).toBe("succeeded");
      expect(run.throttles).toBeGreaterThanOrEqual(1);
    } finally {
      world.mcEmu.state.options.fault429Rate = 0;
      world.rt.runtime.mailchimp = proxied;
    }
    const [alert] = await openAlerts("mailchimp_throttled");
    expect(alert).toMatchObject({ team: "ops", severity: "warning" });
    await world.reset();
    await savePolicy(db.prisma, parsePolicy({ ...POLICY, alerts: { throttlesPerRun: 1 } }));
    expect((await world.sync("full")).throttles).toBe(0);
    expect(await openAlerts("mailchimp_throttled")).toHaveLength(0);
  });
});
