import { readStoreSignals, stuckStores } from "@/lib/commerce/find-stuck-stores";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailchimpClient } from "@/lib/mailchimp";
import type { Policy } from "@/lib/sync/policy";
import type { AudienceLabel } from "../label-audiences";
import { buildFinding } from "../build-finding";
import type { Finding } from "../types";

/** Stores stuck in is_syncing, judged as the store_syncing alert judges them (policy alerts.storeSyncingMinutes). */
export async function findStoreFindings(prisma: PrismaClient, mailchimp: MailchimpClient, policy: Policy, now: Date, label: AudienceLabel): Promise<Finding> {
  const signals = await readStoreSignals(prisma, mailchimp);
  const stuck = stuckStores(signals, now, policy.alerts.storeSyncingMinutes);
  return buildFinding("store_stuck_syncing", {
    count: stuck.length, severity: "critical",
    examples: stuck.map((s) => ({ label: `store ${s.storeId}`, detail: `${label(s.listId)}, syncing since ${s.since?.toISOString() ?? "an unknown time"} (seen by ${s.seenBy.join(" and ")})` })),
    facts: { syncingNow: signals.stores.length, commerceStepRunning: signals.commerceStepRunning },
  });
}
