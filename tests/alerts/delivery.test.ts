import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, it } from "vitest";
import { applyConditions } from "@/lib/alerts/apply-conditions";
import { registerAlertDelivery } from "@/lib/alerts/deliver/deliver-alert";
import { ALERT_DELIVER_JOB, bossAlertNotifier, ensureAlertQueue } from "@/lib/alerts/deliver/jobs";
import type { SlackPayload } from "@/lib/alerts/deliver/slack-payload";
import { SCOPES } from "@/lib/alerts/evaluate-alerts";
import { startBoss } from "@/lib/sync/run/queue";
import { useTestDatabase } from "@/tests/helpers/db";
import { until } from "@/tests/helpers/until";

/**
 * Delivery to the configured webhook: a local receiver that fails the first call gets the Slack-compatible
 * payload again on pg-boss's retry (with backoff), on open and on resolve.
 */
const db = await useTestDatabase();
const received: Array<{ status: number; body: SlackPayload }> = [];
let failNext = 1;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const status = failNext-- > 0 ? 503 : 200;
    received.push({ status, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as SlackPayload });
    res.writeHead(status).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-token`;
const boss = await startBoss(db.url, { maintenanceIntervalSeconds: 1 });
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("posts {text, blocks} on open, retries after a failure, and posts again on resolve", { timeout: 60_000 }, async () => {
  await ensureAlertQueue(boss, { retryLimit: 3, retryDelay: 1 });
  await registerAlertDelivery(boss, { prisma: db.prisma, url, consoleUrl: "https://bridgeline.example.com" }, { pollingIntervalSeconds: 0.5 });
  const notify = bossAlertNotifier(boss);
  const drift = {
    kind: "odoo_schema_drift" as const, subject: "res.partner.mobile", title: "Odoo field res.partner.mobile is gone",
    message: "res.partner.mobile no longer exists in Odoo.", action: "Remove it from the policy's phone fields.",
  };
  const opened = await applyConditions(db.prisma, SCOPES.odoo, [drift], { owners: {} });
  expect(opened).toHaveLength(1);
  await notify(opened);
  await until("the first two deliveries", () => received.length >= 2);
  expect(received.map((r) => r.status)).toEqual([503, 200]);
  const [first, retried] = received.map((r) => r.body);
  expect(retried).toEqual(first);
  expect(retried?.text).toBe("Bridgeline: :red_circle: [critical] Odoo field res.partner.mobile is gone (owner: admin)");
  expect(retried?.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: "Alert: Odoo schema drift" } });
  expect(JSON.stringify(retried?.blocks)).toContain("Remove it from the policy's phone fields.");
  expect(JSON.stringify(retried?.blocks)).toContain("https://bridgeline.example.com/runbook#alert-odoo-schema-drift");

  // The URL is a secret: the queue's record of the delivery (its data, and the attempt's output) never holds it.
  const stored = await db.prisma.$queryRawUnsafe<Array<{ t: string }>>(`SELECT coalesce(data::text, '') || ' ' || coalesce(output::text, '') AS t FROM pgboss.job WHERE name = $1`, ALERT_DELIVER_JOB);
  expect(stored).toHaveLength(1);
  expect(stored.map((r) => r.t).join(" ")).not.toContain("secret-token");

  // Held again: updated, not re-opened, so nothing is sent.
  expect(await applyConditions(db.prisma, SCOPES.odoo, [drift], { owners: {} })).toEqual([]);
  const resolved = await applyConditions(db.prisma, SCOPES.odoo, [], { owners: {} });
  expect(resolved.map((c) => c.event)).toEqual(["resolved"]);
  await notify(resolved);
  await until("the resolve delivery", () => received.length >= 3);
  expect(received[2]?.status).toBe(200);
  expect(received[2]?.body.text).toContain("Resolved: Odoo field res.partner.mobile is gone");
  const row = await db.prisma.alert.findFirstOrThrow();
  expect(row).toMatchObject({ status: "resolved", occurrences: 2, openKey: null });
});
