import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";
import { checkFields } from "@/lib/sync/plan/check-fields";
import { planGroup } from "@/lib/sync/plan/plan-group";
import { PlanStage } from "@/lib/sync/plan/plan-stage";
import { PlanTally } from "@/lib/sync/plan/plan-tally";
import { forgetPrismaQueryLog } from "@/lib/sync/plan/prisma-query-log";
import { readGroups } from "@/lib/sync/plan/read-groups";
import { loadReferenceData } from "@/lib/sync/plan/reference-data";
import { FULL_SCOPE } from "@/lib/sync/plan/scan-buying";
import { stageOdoo } from "@/lib/sync/plan/stage-odoo";
import type { Policy } from "@/lib/sync/policy";

export interface ExpectedRead {
  partnersRead: number;
  expected: number;
  duplicates: number;
}

/**
 * What Odoo says should be in Mailchimp, decided by the planner itself: the same Odoo reads, policy, stage and
 * duplicate folding a full run does (lib/sync/plan), but instead of batches each routed record lands in
 * reconcile_expected with the exact payload and hash a run would send. Duplicates across customers send
 * nothing, so they are not expected anywhere (they are exceptions of the runs).
 */
export async function readExpected(prisma: PrismaClient, odoo: OdooClient, policy: Policy, passId: string): Promise<ExpectedRead> {
  const pageSize = Math.min(policy.batching.odooPageSize, odoo.maxPageSize);
  await checkFields(odoo, policy);
  const ref = await loadReferenceData(odoo, pageSize);
  const tally = new PlanTally();
  const stage = new PlanStage(prisma, `reconcile${passId}`);
  await stage.create();
  const out = { partnersRead: 0, expected: 0, duplicates: 0 };
  try {
    await stageOdoo(odoo, policy, ref, [FULL_SCOPE], stage, tally, pageSize);
    out.partnersRead = tally.partnersRead;
    for await (const groups of readGroups(prisma, stage)) {
      const rows: { audienceId: string; email: string; partnerIds: number[]; payload: unknown; hash: string }[] = [];
      for (const g of groups) {
        const planned = planGroup(g, policy);
        if (planned.kind === "duplicate") {
          out.duplicates++;
          continue;
        }
        const { record } = planned;
        rows.push({ audienceId: record.audienceId, email: record.email, partnerIds: record.partnerIds, payload: record.payload, hash: record.hash ?? "" });
      }
      await insertExpected(prisma, passId, rows);
      out.expected += rows.length;
    }
    return out;
  } finally {
    await stage.drop();
  }
}

async function insertExpected(prisma: PrismaClient, passId: string, rows: { audienceId: string; email: string; partnerIds: number[]; payload: unknown; hash: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await prisma.$executeRawUnsafe(
    `INSERT INTO reconcile_expected (pass_id, audience_id, email, partner_ids, payload, hash)
     SELECT $1::uuid, r."audienceId", r.email, r."partnerIds", r.payload, r.hash
     FROM jsonb_to_recordset($2::jsonb) AS r("audienceId" text, email text, "partnerIds" int[], payload jsonb, hash text)`,
    passId,
    JSON.stringify(rows),
  );
  forgetPrismaQueryLog();
}
