import { afterAll, describe, expect, it } from "vitest";
import { applyConditions } from "@/lib/alerts/apply-conditions";
import { handleAlertsCron } from "@/lib/alerts/cron";
import { SCOPES } from "@/lib/alerts/evaluate-alerts";
import { createUser } from "@/lib/auth/users";
import { acknowledgeAlert } from "@/lib/console/alerts/acknowledge-alert";
import { countAlerts } from "@/lib/console/alerts/count-alerts";
import { listAlerts } from "@/lib/console/alerts/list-alerts";
import { startBoss } from "@/lib/sync/run/queue";
import { useTestDatabase } from "@/tests/helpers/db";

// Who sees which alerts, acknowledging (audited, once), owners from the policy, and the cron route's guard.
const db = await useTestDatabase({ asProcessDefault: true });
const boss = await startBoss(db.url, {}, { supervise: false });
afterAll(() => boss.stop({ graceful: false, wait: true, timeout: 5_000 }));

const condition = (kind: "odoo_schema_drift" | "mailchimp_merge_fields", subject: string) => ({ kind, subject, title: `${kind} ${subject}`, message: "seen", action: "do" });

describe("alerts in the console", () => {
  it("ops see every team's alerts, marketing only its own; ops acknowledge once, audited", async () => {
    await applyConditions(db.prisma, SCOPES.odoo, [condition("odoo_schema_drift", "res.partner.mobile")], { owners: {} });
    await applyConditions(db.prisma, SCOPES.mailchimp, [condition("mailchimp_merge_fields", "aud1")], { owners: {} });
    expect((await listAlerts({ status: "open" }, "ops")).rows.map((r) => r.team).sort()).toEqual(["admin", "marketing"]);
    expect((await listAlerts({ status: "open" }, "marketing")).rows.map((r) => r.kind)).toEqual(["mailchimp_merge_fields"]);
    expect(await listAlerts({ status: "open" }, "finance")).toEqual({ rows: [], kinds: {} });
    expect(await countAlerts("ops")).toEqual({ open: 2, unacknowledged: 2, critical: 1 });

    const ops = await createUser(db.prisma, { email: "ops@x.test", name: "Olga Ops", role: "ops" });
    const actor = { id: ops.id, email: ops.email, name: ops.name, role: ops.role };
    const drift = (await listAlerts({ status: "open", kind: "odoo_schema_drift" }, "ops")).rows[0]!;
    expect(await acknowledgeAlert({ id: drift.id }, actor)).toEqual({ id: drift.id, changed: true });
    expect(await acknowledgeAlert({ id: drift.id }, actor)).toEqual({ id: drift.id, changed: false });
    expect((await listAlerts({ status: "open", kind: "odoo_schema_drift" }, "ops")).rows[0]).toMatchObject({ acknowledgedBy: "Olga Ops" });
    expect(await countAlerts("ops")).toEqual({ open: 2, unacknowledged: 1, critical: 0 });
    expect(await db.prisma.auditEvent.findMany({ where: { action: "alert.acknowledged" }, select: { target: true, actorId: true } })).toEqual([{ target: `alert:${drift.id}`, actorId: ops.id }]);
  });

  it("the policy's owners override a kind's default team", async () => {
    await applyConditions(db.prisma, SCOPES.odoo, [condition("odoo_schema_drift", "sale.order.state")], { owners: { odoo_schema_drift: "ops" } });
    expect(await db.prisma.alert.findFirst({ where: { subject: "sale.order.state" }, select: { team: true } })).toEqual({ team: "ops" });
  });
});

describe("POST /api/cron/alerts", () => {
  const call = (secret: string | undefined, auth?: string) =>
    handleAlertsCron(new Request("http://x/api/cron/alerts", { method: "POST", headers: auth ? { authorization: auth } : {} }), { secret, boss: async () => boss });

  it("fails closed without CRON_SECRET, refuses a wrong bearer, and queues one check at a time", async () => {
    expect((await call(undefined, "Bearer s3cret")).status).toBe(503);
    expect((await call("s3cret", "Bearer nope")).status).toBe(401);
    const first = await call("s3cret", "Bearer s3cret");
    expect(first.status).toBe(202);
    const again = await call("s3cret", "Bearer s3cret");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ queued: false });
  });
});
