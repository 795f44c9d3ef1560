import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Policy } from "@/lib/sync/policy";
import type { BatchWriter } from "./batch-writer";
import { perEmailFingerprint } from "./exception-fingerprint";
import { planGroup } from "./plan-group";
import type { PlanStage, StagedException } from "./plan-stage";
import type { PlanTally } from "./plan-tally";
import { readDepartures } from "./read-departures";
import { readGroups } from "./read-groups";

/**
 * Folds the stage into planned records and batches; duplicates across customers go back as exceptions.
 * `forced` emails (a repair) are sent again even when unchanged.
 */
export async function emitGroups(prisma: PrismaClient, stage: PlanStage, policy: Policy, writer: BatchWriter, tally: PlanTally, forced?: Set<string>): Promise<void> {
  for await (const groups of readGroups(prisma, stage)) {
    const duplicates: StagedException[] = [];
    for (const g of groups) {
      const out = planGroup(g, policy, forced?.has(g.email) ?? false);
      if (out.kind === "duplicate") {
        const detail = { partnerIds: g.partnerIds, commercialPartners: g.commercials, reason: "same address on different customers" };
        duplicates.push({ fingerprint: perEmailFingerprint("duplicate_email", g.audienceId, g.email), kind: "duplicate_email", audienceId: g.audienceId, email: g.email, partnerIds: [...g.partnerIds].sort((a, b) => a - b), detail: JSON.stringify(detail) });
        tally.sample("exception", { kind: "duplicate_email", audienceId: g.audienceId, email: g.email, partnerIds: g.partnerIds });
        continue;
      }
      const sample = { audienceId: g.audienceId, email: g.email, partnerIds: g.partnerIds, tagsToAdd: out.record.tagsToAdd, tagsToRemove: out.record.tagsToRemove, payload: out.record.payload };
      if (out.kind === "refused" || out.kind === "moved") {
        tally[out.kind]++;
        continue;
      }
      if (out.kind === "unchanged") {
        tally.unchanged++;
        tally.sample("unchanged", { audienceId: g.audienceId, email: g.email, partnerIds: g.partnerIds });
        continue;
      }
      if (out.kind === "subscribe_new") tally.plannedNew++;
      else tally.plannedUpdate++;
      tally.sample(out.kind === "subscribe_new" ? "new" : "update", sample);
      await writer.add(out.kind, out.record);
    }
    await stage.addExceptions(duplicates);
  }
}

/**
 * Synced members nobody routes to any more: only their managed tags come off. Never an unsubscribe or a
 * delete: that would destroy consent the person gave, irreversibly, because of an Odoo data change.
 * `onlyEmails`: a targeted run, whose stage holds only the families it read, looks at its targets alone.
 */
export async function emitDepartures(prisma: PrismaClient, stage: PlanStage, policy: Policy, writer: BatchWriter, tally: PlanTally, onlyEmails?: string[]): Promise<void> {
  const prefix = policy.tags.prefix;
  for await (const page of readDepartures(prisma, stage, 5000, onlyEmails))
    for (const d of page) {
      const tagsToRemove = d.appliedTags.filter((t) => t.startsWith(prefix)).sort();
      tally.departures++;
      tally.plannedUpdate++;
      tally.sample("departure", { audienceId: d.audienceId, email: d.email, partnerIds: d.partnerIds, tagsToRemove });
      await writer.add("upsert_existing", { audienceId: d.audienceId, email: d.email, partnerIds: d.partnerIds, payload: null, hash: null, tagsToAdd: [], tagsToRemove, statusIfNew: "transactional" });
    }
}
