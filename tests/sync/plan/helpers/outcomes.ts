import type { PlanOutcome } from "@/lib/sync/plan/plan-run";

type Sample = Record<string, unknown> & { partnerIds?: number[]; partnerId?: number };

/** partner id -> "new:<audience>" | "update:<audience>" | "unchanged" | "excluded:<reason>" | "exception:<kind>". */
export function outcomesByPartner(outcome: PlanOutcome): Map<number, string> {
  const samples = (outcome.summary as { planner: { samples: Record<string, Sample[]> } }).planner.samples;
  const out = new Map<number, string>();
  const put = (ids: number[], what: string) => ids.forEach((id) => out.set(id, what));
  for (const s of samples.new ?? []) put(s.partnerIds ?? [], `new:${String(s.audienceId)}`);
  for (const s of samples.update ?? []) put(s.partnerIds ?? [], `update:${String(s.audienceId)}`);
  for (const s of samples.unchanged ?? []) put(s.partnerIds ?? [], "unchanged");
  for (const s of samples.excluded ?? []) put([s.partnerId as number], `excluded:${String(s.reason)}`);
  for (const s of samples.exception ?? []) put(s.partnerIds ?? [], `exception:${String(s.kind)}`);
  return out;
}

/** With emails and names (the details a summary keeps for the policy's retention). */
export function samplesOf(outcome: PlanOutcome, category: string): Sample[] {
  const planner = (outcome.summary as { planner: { samples: Record<string, Sample[]>; sampleDetails?: Record<string, Sample[]> } }).planner;
  return (planner.sampleDetails ?? planner.samples)[category] ?? [];
}
