import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getActivePolicy } from "@/lib/sync/policy";
import type { RunQueue } from "@/lib/sync/run/queue";
import { requestRun } from "@/lib/sync/run/request-run";
import { GAP_KINDS, type GapKind } from "../gap-kinds";
import { latestPass } from "./latest-pass";
import { requestConsentWritebacks } from "./consent-writebacks";
import { requestOrderRepair } from "./order-repair";
import type { GapRow } from "./gap-row";
import { RepairRefusedError } from "./repair-refused";

export interface RepairInput {
  kind: GapKind;
  /** One record; without it, every gap of the kind (in this audience, when given). */
  email?: string;
  audienceId?: string;
  /** One order gap: its Mailchimp order id (an order gap's subject). */
  subject?: string;
  requestedById?: string;
}

export type RepairResult =
  | { route: "resync"; runId: string; records: number }
  | { route: "commerce"; runId: string; records: number }
  | { route: "consent_writeback"; events: number; skipped: number };

export { RepairRefusedError };

/** Past this a repair is a full run's job: a targeted run's scope is stored on the run and read in Odoo by id. */
export const MAX_REPAIR_RECORDS = 10_000;

export type { GapRow };

/**
 * Closes gaps of the latest pass the way their kind allows (gap-kinds.ts). Member gaps become one targeted sync
 * run (the planner, the consent firewall, batches and the audit trail, like any run); consent gaps become consent
 * events that the consent flow writes back to Odoo; members that are not ours are refused.
 */
export async function requestRepair(prisma: PrismaClient, input: RepairInput, queue: RunQueue): Promise<RepairResult> {
  const route = GAP_KINDS[input.kind].repair;
  if (route === "none") throw new RepairRefusedError("Members only in Mailchimp are not Bridgeline's: they are shown, never touched.");
  const pass = await latestPass(prisma);
  if (!pass) throw new RepairRefusedError("No read-back has finished yet: there is no gap to repair.");
  const gaps = await prisma.$queryRaw<GapRow[]>`
    SELECT audience_id, email, subject, partner_ids, detail FROM reconcile_gaps
    WHERE pass_id = ${pass.id}::uuid AND kind = ${input.kind}
      AND (${input.audienceId ?? null}::text IS NULL OR audience_id = ${input.audienceId ?? null})
      AND (${input.email ?? null}::text IS NULL OR email = ${input.email?.toLowerCase() ?? null})
      AND (${input.subject ?? null}::text IS NULL OR subject = ${input.subject ?? null})
    ORDER BY audience_id, email LIMIT ${MAX_REPAIR_RECORDS + 1}`;
  if (gaps.length === 0) throw new RepairRefusedError("No such gap in the latest read-back (it may be closed already).");
  if (gaps.length > MAX_REPAIR_RECORDS) throw new RepairRefusedError(`More than ${MAX_REPAIR_RECORDS} records: start a full run instead.`);
  if (route === "consent_writeback") return requestConsentWritebacks(prisma, pass.id, gaps);
  if (route === "commerce") return requestOrderRepair(prisma, input, gaps, queue);
  const emails = [...new Set(gaps.map((g) => g.email))];
  const partnerIds = [...new Set(gaps.flatMap((g) => g.partner_ids ?? []))];
  await adoptMailchimpTags(prisma, pass.id, gaps);
  const what = input.email ? input.email : `${gaps.length} record(s)`;
  const { runId } = await requestRun(prisma, {
    mode: "incremental", trigger: "repair", ...(input.requestedById ? { requestedById: input.requestedById } : {}),
    scope: { emails, partnerIds, reason: `repair ${input.kind}: ${what}`.slice(0, 200) },
  }, queue);
  return { route: "resync", runId, records: gaps.length };
}

/**
 * sync_records.applied_tags says which managed tags Bridgeline put on a member; the read-back saw which are
 * really there. The repair plans its tag changes from what is really there, so a tag someone removed is added
 * back and one someone added under our prefix is taken off (and a vanished member has none).
 */
async function adoptMailchimpTags(prisma: PrismaClient, passId: string, gaps: GapRow[]): Promise<void> {
  const prefix = (await getActivePolicy(prisma))?.policy.tags.prefix;
  if (!prefix) throw new RepairRefusedError("No policy is saved: nothing says which tags are Bridgeline's.");
  await prisma.$executeRaw`
    UPDATE sync_records r SET applied_tags = coalesce(ARRAY(SELECT t FROM unnest(m.tags) t WHERE starts_with(t, ${prefix}) ORDER BY 1), ARRAY[]::text[])
    FROM (SELECT * FROM unnest(${gaps.map((g) => g.audience_id)}::text[], ${gaps.map((g) => g.email)}::text[]) AS x(audience_id, email)) x
    LEFT JOIN reconcile_members m ON m.pass_id = ${passId}::uuid AND m.audience_id = x.audience_id AND m.email = x.email
    WHERE r.audience_id = x.audience_id AND r.email = x.email AND r.payload_hash IS NOT NULL`;
}
