import type { Policy } from "@/lib/sync/policy";
import { canonicalJson } from "@/lib/sync/plan/canonical-json";
import type { Decision } from "@/lib/sync/plan/decide-partner";
import type { PartnerRow } from "@/lib/sync/plan/partner-row";
import { planGroup, type GroupOutcome } from "@/lib/sync/plan/plan-group";
import type { StagedGroup } from "@/lib/sync/plan/read-groups";

type Candidate = Extract<Decision, { outcome: "candidate" }>;

/**
 * The (audience, email) a candidate lands in, folded the way the planner's stage folds it (plan/read-groups.ts:
 * winner by rank then id, distinct commercial partners counted), then decided by the planner's planGroup.
 */
export function explainGroup(
  target: Candidate,
  decided: { partner: PartnerRow; decision: Decision }[],
  policy: Policy,
  synced: StagedGroup["synced"],
): GroupOutcome & { partnerIds: number[] } {
  const members = decided
    .filter((d): d is { partner: PartnerRow; decision: Candidate } => d.decision.outcome === "candidate" && d.decision.audienceId === target.audienceId && d.decision.email === target.email)
    .sort((a, b) => a.decision.rank - b.decision.rank || a.partner.id - b.partner.id);
  const winner = members[0]!;
  const group: StagedGroup = {
    audienceId: target.audienceId,
    email: target.email,
    partnerIds: members.map((m) => m.partner.id),
    commercials: new Set(members.map((m) => m.partner.commercialId)).size,
    payload: canonicalJson(winner.decision.payload),
    statusIfNew: winner.decision.statusIfNew,
    synced,
  };
  return { ...planGroup(group, policy), partnerIds: group.partnerIds };
}
