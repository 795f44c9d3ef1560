import fc from "fast-check";
import { expect, it } from "vitest";
import { countSyncRecords, FOLD_AT_ROWS, foldSyncRecordCounts } from "@/lib/console/count-sync-records";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase();

/** What the counts must equal: a GROUP BY over the records themselves. */
async function countedDirectly() {
  const rows = await prisma.$queryRaw<Array<{ audience_id: string; last_status: string; opted_out: boolean; n: bigint }>>`
    SELECT audience_id, last_status, coalesce(member_status IN ('unsubscribed', 'cleaned'), false) AS opted_out, count(*) AS n
    FROM sync_records GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  return rows.map((r) => ({ audienceId: r.audience_id, lastStatus: r.last_status, optedOut: r.opted_out, n: Number(r.n) }));
}

const statuses = ["synced", "failed", "exception", "excluded"] as const;
const memberStatuses = [null, "subscribed", "transactional", "unsubscribed", "cleaned"] as const;
const audience = fc.constantFrom("aud-a", "aud-b");
const email = fc.integer({ min: 0, max: 11 }).map((i) => `p${i}@shop.io`);
const op = fc.oneof(
  // The engine's bulk upsert: INSERT ... ON CONFLICT DO UPDATE, which fires both the insert and update triggers.
  fc.record({ kind: fc.constant("upsert" as const), rows: fc.array(fc.record({ audience, email, status: fc.constantFrom(...statuses) }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant("member_status" as const), audience, status: fc.constantFrom(...memberStatuses) }),
  fc.record({ kind: fc.constant("delete" as const), email }),
  fc.constant({ kind: "fold" as const }),
  fc.constant({ kind: "truncate" as const }),
);

it("equal a GROUP BY over sync_records after any mix of upserts, status changes, deletes, folds and truncates", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
      await prisma.$executeRaw`TRUNCATE sync_records`;
      for (const o of ops) {
        if (o.kind === "upsert") {
          // One statement per key: Postgres refuses ON CONFLICT touching the same row twice in one statement.
          const unique = [...new Map(o.rows.map((r) => [`${r.audience}|${r.email}`, r])).values()];
          const values = unique.map((r) => `('${r.audience}', '${r.email}', ARRAY[1], '${r.status}'::"RecordStatus", now())`).join(", ");
          await prisma.$executeRawUnsafe(`INSERT INTO sync_records (audience_id, email, partner_ids, last_status, updated_at) VALUES ${values}
            ON CONFLICT (audience_id, email) DO UPDATE SET last_status = excluded.last_status, updated_at = now()`);
        } else if (o.kind === "member_status") {
          await prisma.syncRecord.updateMany({ where: { audienceId: o.audience }, data: { memberStatus: o.status } });
        } else if (o.kind === "delete") {
          await prisma.syncRecord.deleteMany({ where: { email: o.email } });
        } else if (o.kind === "fold") {
          await foldSyncRecordCounts(prisma);
        } else {
          await prisma.$executeRaw`TRUNCATE sync_records`;
        }
      }
      expect(await countSyncRecords(prisma)).toEqual(await countedDirectly());
    }),
    { numRuns: 40 },
  );
});

it("folds piled-up deltas into one row per key when a read finds too many, without changing the numbers", async () => {
  await prisma.$executeRaw`TRUNCATE sync_records`;
  for (let i = 0; i <= FOLD_AT_ROWS; i++) {
    await prisma.syncRecord.create({ data: { audienceId: "aud-a", email: `r${i}@shop.io`, partnerIds: [i], lastStatus: i % 2 ? "synced" : "failed" } });
  }
  expect(await prisma.syncRecordCount.count()).toBe(FOLD_AT_ROWS + 1);
  const before = await countedDirectly();
  expect(await countSyncRecords(prisma)).toEqual(before);
  expect(await prisma.syncRecordCount.count()).toBe(2);
});
