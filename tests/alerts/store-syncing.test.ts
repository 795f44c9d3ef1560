import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startMailchimpEmulator } from "@/emulators/mailchimp/server";
import { evaluateStores, type AlertDeps } from "@/lib/alerts/evaluate-alerts";
import { storeIdFor } from "@/lib/commerce/ids";
import { MailchimpClient } from "@/lib/mailchimp";
import { parsePolicy, savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { quietLog } from "@/tests/sync/run/helpers";

/**
 * "Store left in is_syncing": a commerce step that died leaves its store syncing (Mailchimp then emails nobody
 * about orders). Against the Mailchimp emulator and real Postgres, with the clock injected: the alert opens once the
 * switch has been on past the policy's minutes with no commerce step running, whether Bridgeline recorded it or
 * only Mailchimp reports it, and resolves when the switch is off.
 */
const db = await useTestDatabase();
const lists = fileURLToPath(new URL("../../scripts/demo-data/mailchimp-audiences.json", import.meta.url));
const mc = await startMailchimpEmulator({ port: 0, lists, batchPhaseMs: 1 });
const mailchimp = new MailchimpClient({ apiKey: mc.apiKey, baseUrl: mc.url }, { timeoutMs: 3_000 });
const listId = [...mc.state.account.lists.keys()][0]!;
afterAll(() => mc.close());

const T0 = new Date("2026-11-30T08:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
let clock = T0;
const deps: AlertDeps = { prisma: db.prisma, mailchimp, log: quietLog, now: () => clock };
const storeId = storeIdFor(1, listId, "USD");
const alertOf = () => db.prisma.alert.findFirst({ where: { kind: "store_syncing", subject: storeId }, orderBy: { id: "desc" } });

beforeEach(async () => {
  await db.prisma.alert.deleteMany();
  await db.prisma.commerceStore.deleteMany();
  await db.prisma.syncRun.deleteMany();
  await savePolicy(db.prisma, parsePolicy({ alerts: { storeSyncingMinutes: 30 } }));
  if (!mc.state.account.stores.has(storeId)) await mailchimp.ecommerce.stores.add({ id: storeId, list_id: listId, name: "My Company (USD)", currency_code: "USD", platform: "Odoo" });
  await mailchimp.ecommerce.stores.update(storeId, { is_syncing: false });
  clock = T0;
});

describe("store left in is_syncing", () => {
  it("a store Bridgeline left syncing raises it past the threshold, not while a commerce step runs; switching it off resolves it", async () => {
    // What a step that died mid-load leaves: the row says syncing, and so does Mailchimp.
    await db.prisma.commerceStore.create({ data: { storeId, companyId: 1, listId: listId, currency: "USD", syncing: true, updatedAt: T0 } });
    await mailchimp.ecommerce.stores.update(storeId, { is_syncing: true });

    clock = minutes(29);
    await evaluateStores(deps);
    expect(await alertOf()).toBeNull();

    // A commerce step holding its batch: syncing on purpose.
    const run = await db.prisma.syncRun.create({ data: { mode: "full", trigger: "test", status: "running" } });
    const batch = await db.prisma.syncBatch.create({ data: { runId: run.id, seq: 1, kind: "commerce", status: "running", recordCount: 0, records: [] } });
    clock = minutes(45);
    await evaluateStores(deps);
    expect(await alertOf()).toBeNull();

    await db.prisma.syncBatch.update({ where: { id: batch.id }, data: { status: "failed" } });
    await evaluateStores(deps);
    const alert = await alertOf();
    expect(alert).toMatchObject({ status: "open", team: "ops", severity: "warning", title: `Store ${storeId} left in is_syncing` });
    expect(alert!.detail).toMatchObject({ storeId, seenBy: ["bridgeline", "mailchimp"], since: T0.toISOString() });
    expect(String((alert!.detail as { action: string }).action)).toContain("incremental run");

    // Still on at the next check: the same alert, updated.
    clock = minutes(60);
    await evaluateStores(deps);
    expect(await db.prisma.alert.count({ where: { kind: "store_syncing" } })).toBe(1);
    expect((await alertOf())!.occurrences).toBe(2);

    // What the next commerce step's sweep does: off in Mailchimp, then in the table.
    await mailchimp.ecommerce.stores.update(storeId, { is_syncing: false });
    await db.prisma.commerceStore.update({ where: { storeId }, data: { syncing: false } });
    await evaluateStores(deps);
    expect(await alertOf()).toMatchObject({ status: "resolved" });
  });

  it("a store only Mailchimp reports syncing (switched on elsewhere) raises it; switched off in Mailchimp, it resolves", async () => {
    await mailchimp.ecommerce.stores.update(storeId, { is_syncing: true });
    clock = new Date(Date.now() + 31 * 60_000); // Mailchimp stamps the store with its own clock
    await evaluateStores(deps);
    const alert = await alertOf();
    expect(alert).toMatchObject({ status: "open" });
    expect(alert!.detail).toMatchObject({ seenBy: ["mailchimp"] });
    expect(String((alert!.detail as { action: string }).action)).toContain("set is_syncing false in Mailchimp");

    await mailchimp.ecommerce.stores.update(storeId, { is_syncing: false });
    await evaluateStores(deps);
    expect(await alertOf()).toMatchObject({ status: "resolved" });
  });

  it("when Mailchimp cannot be asked, an open alert is left as it is", async () => {
    await mailchimp.ecommerce.stores.update(storeId, { is_syncing: true });
    clock = new Date(Date.now() + 31 * 60_000);
    await evaluateStores(deps);
    expect(await alertOf()).toMatchObject({ status: "open" });
    const unreachable = new MailchimpClient({ apiKey: mc.apiKey, baseUrl: "http://127.0.0.1:9" }, { timeoutMs: 500 });
    await evaluateStores({ ...deps, mailchimp: unreachable });
    expect(await alertOf()).toMatchObject({ status: "open" });
    await mailchimp.ecommerce.stores.update(storeId, { is_syncing: false });
  });
});
