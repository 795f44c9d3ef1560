import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleBatchJob } from "@/lib/sync/run/batch-job";
import { useTestDatabase } from "@/tests/helpers/db";
import { MergeFieldEnsurer } from "@/lib/sync/run/merge-fields";
import { FAST_POLL, FAST_RETRY, insertBatch, insertRun, memberDump, planned, startMailchimp, testRuntime } from "./helpers";

/** subscribe_new and upsert_existing through the batch job, against the emulator: consent and tags. */
const db = await useTestDatabase();
let mc: Awaited<ReturnType<typeof startMailchimp>>;
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  mc = await startMailchimp();
  rt = await testRuntime(db.prisma, db.url, mc.config);
  await rt.runtime.mergeFields.ensure([mc.listId]);
  // Someone who unsubscribed in Mailchimp, and got a tag by hand there.
  await mc.client.members.upsert(mc.listId, { email_address: "gone.away@shopper.org", status_if_new: "unsubscribed" });
  await mc.client.members.updateTags(mc.listId, "gone.away@shopper.org", [{ name: "vip-by-hand", status: "active" }]);
});
afterAll(async () => {
  await rt.close();
  await mc.emulator.close();
});

async function runBatch(kind: "subscribe_new" | "upsert_existing", records: ReturnType<typeof planned>[]) {
  const run = await insertRun(db.prisma);
  const batch = await insertBatch(db.prisma, run.id, 0, mc.listId, kind, records);
  await handleBatchJob(rt.runtime, { runId: run.id, batchId: batch.id });
  return {
    run: await db.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } }),
    batch: await db.prisma.syncBatch.findUniqueOrThrow({ where: { id: batch.id } }),
  };
}

const member = async (email: string) => (await memberDump(mc.emulator.baseUrl, mc.listId)).find((m) => m.email_address === email);

describe("subscribe_new", () => {
  it("creates new members with the policy's status, merge fields and managed tags", async () => {
    const { run, batch } = await runBatch("subscribe_new", [
      planned("ann.buyer@shopper.org", { tags: ["odoo:b2c", "odoo:customer"] }),
      planned("bob.pending@shopper.org", { statusIfNew: "pending" }),
    ]);
    expect(batch.status).toBe("succeeded");
    expect(run).toMatchObject({ status: "succeeded", sent: 2, failed: 0 });
    expect(await member("ann.buyer@shopper.org")).toMatchObject({ status: "subscribed", merge_fields: expect.objectContaining({ FNAME: "ann.buyer" }) });
    expect((await member("ann.buyer@shopper.org"))?.tags?.map((t) => t.name).sort()).toEqual(["odoo:b2c", "odoo:customer"]);
    expect((await member("bob.pending@shopper.org"))?.status).toBe("pending");
    const rec = await db.prisma.syncRecord.findUniqueOrThrow({ where: { audienceId_email: { audienceId: mc.listId, email: "ann.buyer@shopper.org" } } });
    expect(rec).toMatchObject({ lastStatus: "synced", appliedTags: ["odoo:b2c", "odoo:customer"], memberStatus: "subscribed", lastRunId: run.id });
    expect(rec.payloadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never re-subscribes an existing unsubscribed member: CONTACT_EXISTS becomes an upsert without status", async () => {
    const { run } = await runBatch("subscribe_new", [planned("gone.away@shopper.org", { tags: ["odoo:customer"], merge: { FNAME: "Gone" } })]);
    expect(run).toMatchObject({ status: "succeeded", sent: 1 });
    const m = await member("gone.away@shopper.org");
    expect(m?.status).toBe("unsubscribed");
    expect(m?.merge_fields.FNAME).toBe("Gone");
    expect(m?.tags?.map((t) => t.name).sort()).toEqual(["odoo:customer", "vip-by-hand"]);
  });

  it("turns single-member refusals into exceptions without failing the batch", async () => {
    const { run, batch } = await runBatch("subscribe_new", [
      planned("test@example.com"),
      planned("carla.numbers@shopper.org", { merge: { FNAME: "Carla", ORDERS: "many" } }),
      planned("dan.fine@shopper.org"),
    ]);
    expect(batch).toMatchObject({ status: "succeeded", sentCount: 1, failedCount: 2 });
    expect(run).toMatchObject({ status: "succeeded", sent: 1, failed: 2, exceptions: 2 });
    const exceptions = await db.prisma.syncException.findMany({ where: { lastRunId: run.id }, orderBy: { email: "asc" } });
    expect(exceptions.map((e) => [e.email, e.kind])).toEqual([
      ["carla.numbers@shopper.org", "mailchimp_rejected"],
      ["test@example.com", "mailchimp_rejected"],
    ]);
    expect(JSON.stringify(exceptions[1]?.detail)).toMatch(/fake or invalid/);
    const rec = await db.prisma.syncRecord.findUniqueOrThrow({ where: { audienceId_email: { audienceId: mc.listId, email: "test@example.com" } } });
    expect(rec).toMatchObject({ lastStatus: "exception", payloadHash: null, lastErrorKind: "invalid_email" });
  });
});

describe("upsert_existing", () => {
  it("updates merge fields and managed tags, keeps status and hand-made tags", async () => {
    const { run } = await runBatch("upsert_existing", [
      planned("gone.away@shopper.org", { tags: ["odoo:b2b"], merge: { FNAME: "Gwen" }, tagsToAdd: ["odoo:b2b"], tagsToRemove: ["odoo:customer"] }),
      planned("erin.new@shopper.org", { statusIfNew: "pending" }),
    ]);
    expect(run).toMatchObject({ status: "succeeded", sent: 2, failed: 0 });
    const gone = await member("gone.away@shopper.org");
    expect(gone?.status).toBe("unsubscribed");
    expect(gone?.merge_fields.FNAME).toBe("Gwen");
    expect(gone?.tags?.map((t) => t.name).sort()).toEqual(["odoo:b2b", "vip-by-hand"]);
    expect((await member("erin.new@shopper.org"))?.status).toBe("pending");
    const batch = await db.prisma.syncBatch.findFirstOrThrow({ where: { runId: run.id } });
    expect(batch.mailchimpBatchId).toBeTruthy();
  });

  it("removes only managed tags for a record that left scope (payload null)", async () => {
    const { run } = await runBatch("upsert_existing", [planned("gone.away@shopper.org", { payload: null, tagsToAdd: [], tagsToRemove: ["odoo:b2b"] })]);
    expect(run.status).toBe("succeeded");
    const gone = await member("gone.away@shopper.org");
    expect(gone?.tags?.map((t) => t.name)).toEqual(["vip-by-hand"]);
    const rec = await db.prisma.syncRecord.findUniqueOrThrow({ where: { audienceId_email: { audienceId: mc.listId, email: "gone.away@shopper.org" } } });
    expect(rec).toMatchObject({ lastStatus: "excluded", payloadHash: null, appliedTags: [] });
  });

  it("a re-run of a batch whose Mailchimp batch id is stored polls that batch instead of submitting again", async () => {
    const run = await insertRun(db.prisma);
    const batch = await insertBatch(db.prisma, run.id, 0, mc.listId, "upsert_existing", [planned("ann.buyer@shopper.org", { merge: { FNAME: "Annie" } })]);
    await handleBatchJob(rt.runtime, { runId: run.id, batchId: batch.id });
    const first = await db.prisma.syncBatch.findUniqueOrThrow({ where: { id: batch.id } });
    // As if the worker had died after submitting: the row is running again with its Mailchimp batch id.
    await db.prisma.syncBatch.update({ where: { id: batch.id }, data: { status: "running" } });
    await db.prisma.syncRun.update({ where: { id: run.id }, data: { status: "running" } });
    const starts = () => (mc.emulator.state.stats.snapshot().requests["POST /batches"] ?? 0);
    const startsBefore = starts();
    await handleBatchJob(rt.runtime, { runId: run.id, batchId: batch.id });
    expect(starts()).toBe(startsBefore);
    const again = await db.prisma.syncBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(again).toMatchObject({ status: "succeeded", mailchimpBatchId: first.mailchimpBatchId });
  });
});

describe("one /batches submission for a run's changes", () => {
  it("an upsert batch over two audiences writes each member to its own audience and records it there", async () => {
    const two = await startMailchimp({ lists: 2 });
    const other = await testRuntime(db.prisma, db.url, two.config);
    try {
      const [a, b] = [...two.emulator.state.account.lists.keys()] as [string, string];
      const before = (route: string) => two.emulator.state.stats.snapshot().requests[route] ?? 0;
      await other.runtime.mergeFields.ensure([a, b]);
      // Fresh audiences miss every engine field: one GET each, then a single /batches for all of them.
      expect(before("POST /lists/{list_id}/merge-fields")).toBe(0);
      expect(before("GET /lists/{list_id}/merge-fields")).toBe(2);
      expect(before("POST /batches")).toBe(1);
      for (const id of [a, b]) await two.client.members.upsert(id, { email_address: "shared@shopper.org", status_if_new: "subscribed" });
      const run = await insertRun(db.prisma);
      const batch = await insertBatch(db.prisma, run.id, 0, null, "upsert_existing", [
        planned("shared@shopper.org", { audienceId: a, merge: { FNAME: "InA" } }),
        planned("shared@shopper.org", { audienceId: b, merge: { FNAME: "InB" } }),
        planned("new.in.b@shopper.org", { audienceId: b, statusIfNew: "transactional", tags: ["odoo:b2c"] }),
      ]);
      const submissions = before("POST /batches");
      await handleBatchJob(other.runtime, { runId: run.id, batchId: batch.id });
      expect(before("POST /batches")).toBe(submissions + 1);
      const dump = async (id: string) => memberDump(two.emulator.baseUrl, id);
      expect((await dump(a)).find((m) => m.email_address === "shared@shopper.org")?.merge_fields.FNAME).toBe("InA");
      expect((await dump(b)).find((m) => m.email_address === "shared@shopper.org")?.merge_fields.FNAME).toBe("InB");
      // A new member riding in the upsert batch is created by the PUT with the policy's status, and tagged.
      const fresh = (await dump(b)).find((m) => m.email_address === "new.in.b@shopper.org");
      expect(fresh).toMatchObject({ status: "transactional" });
      expect(fresh?.tags?.map((t) => t.name)).toEqual(["odoo:b2c"]);
      const records = await db.prisma.syncRecord.findMany({ where: { lastRunId: run.id }, orderBy: [{ audienceId: "asc" }, { email: "asc" }] });
      expect(records.map((r) => [r.audienceId, r.email, r.lastStatus])).toEqual(
        [[a, "shared@shopper.org", "synced"], [b, "new.in.b@shopper.org", "synced"], [b, "shared@shopper.org", "synced"]].sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)),
      );
    } finally {
      await other.close();
      await two.emulator.close();
    }
  });
});

describe("merge-field set-up", () => {
  it("is remembered in Postgres for other worker processes; full runs check again", async () => {
    const fresh = await startMailchimp({ lists: 1 });
    try {
      const [id] = [...fresh.emulator.state.account.lists.keys()] as [string];
      const gets = () => fresh.emulator.state.stats.snapshot().requests["GET /lists/{list_id}/merge-fields"] ?? 0;
      const ensurer = () => new MergeFieldEnsurer(fresh.client, { retry: FAST_RETRY, poll: FAST_POLL, prisma: db.prisma });
      await ensurer().ensure([id]);
      expect(gets()).toBe(1);
      // Another process: trusts what Postgres says was set up.
      const other = ensurer();
      await other.ensure([id]);
      expect(gets()).toBe(1);
      // A full run looks again, and finds nothing missing.
      await other.ensure([id], { verify: true });
      expect(gets()).toBe(2);
      expect(fresh.emulator.state.stats.snapshot().requests["POST /batches"]).toBe(1);
    } finally {
      await fresh.emulator.close();
    }
  });
});
