import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { BatchWriter, SMALL_SUBSCRIBE } from "@/lib/sync/plan/batch-writer";
import { defaultPolicy } from "@/lib/sync/policy";
import type { PlannedRecord } from "@/lib/sync/types";
import { useTestDatabase } from "@/tests/helpers/db";

/** How planned records become sync_batches rows: what decides how many Mailchimp requests a run makes. */
const { prisma } = await useTestDatabase();

const rec = (audienceId: string, i: number, kind: "new" | "update"): PlannedRecord => ({
  audienceId, email: `${kind}${i}@${audienceId}.shopper.org`, partnerIds: [i], payload: { merge_fields: { FNAME: "A" }, tags: ["odoo:b2c"] },
  hash: `h${i}`, tagsToAdd: kind === "new" ? ["odoo:b2c"] : [], tagsToRemove: [], statusIfNew: "transactional",
});

async function write(records: ReadonlyArray<readonly [PlannedRecord, "subscribe_new" | "upsert_existing"]>) {
  const run = await prisma.syncRun.create({ data: { id: randomUUID(), mode: "incremental", trigger: "test" } });
  const handed: string[] = [];
  const writer = new BatchWriter(prisma, run.id, defaultPolicy(), false, async (id) => void handed.push(id));
  for (const [r, kind] of records) await writer.add(kind, r);
  await writer.finish();
  const rows = await prisma.syncBatch.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
  expect(handed).toEqual(rows.map((b) => b.id));
  return rows.map((b) => ({ audienceId: b.audienceId, kind: b.kind, records: (b.records as unknown as PlannedRecord[]).map((r) => `${r.audienceId}:${r.email}`) }));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

it("puts every audience's changes in one upsert batch, and small groups of new members ride along", async () => {
  const rows = await write([
    ...range(3).map((i) => [rec("a", i, "new"), "subscribe_new"] as const),
    ...range(4).map((i) => [rec("a", i, "update"), "upsert_existing"] as const),
    ...range(2).map((i) => [rec("b", i, "new"), "subscribe_new"] as const),
    ...range(5).map((i) => [rec("b", i, "update"), "upsert_existing"] as const),
  ]);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ audienceId: null, kind: "upsert_existing" });
  expect(rows[0]!.records).toHaveLength(14);
  expect(rows[0]!.records.filter((r) => r.includes(":new"))).toEqual(["a:new0@a.shopper.org", "a:new1@a.shopper.org", "a:new2@a.shopper.org", "b:new0@b.shopper.org", "b:new1@b.shopper.org"]);
});

it("keeps batch subscribe for new members when there is no /batches to ride in, and for big groups", async () => {
  const small = await write(range(3).map((i) => [rec("a", i, "new"), "subscribe_new"]));
  expect(small).toEqual([{ audienceId: "a", kind: "subscribe_new", records: range(3).map((i) => `a:new${i}@a.shopper.org`) }]);
  const big = await write([
    ...range(SMALL_SUBSCRIBE).map((i) => [rec("a", i, "new"), "subscribe_new"] as [PlannedRecord, "subscribe_new"]),
    [rec("a", 0, "update"), "upsert_existing"],
  ]);
  expect(big.map((b) => [b.audienceId, b.kind, b.records.length])).toEqual([["a", "subscribe_new", SMALL_SUBSCRIBE], ["a", "upsert_existing", 1]]);
});

it("cuts subscribe batches per audience at 500 members", async () => {
  const rows = await write([
    ...range(501).map((i) => [rec("a", i, "new"), "subscribe_new"] as [PlannedRecord, "subscribe_new"]),
    ...range(150).map((i) => [rec("b", i, "new"), "subscribe_new"] as [PlannedRecord, "subscribe_new"]),
  ]);
  // a's single leftover waits for a /batches that never comes, so it is sent last as its own batch subscribe.
  expect(rows.map((b) => [b.audienceId, b.kind, b.records.length])).toEqual([["a", "subscribe_new", 500], ["b", "subscribe_new", 150], ["a", "subscribe_new", 1]]);
});
