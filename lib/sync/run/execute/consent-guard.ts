import { checkMemberWrite, type FirewallDecision, type IntendedMemberWrite, type KnownMemberStatus } from "@/lib/consent";
import type { PlannedRecord } from "@/lib/sync/types";
import type { RecordOutcome } from "./types";

/**
 * Every member write the executors build goes through the consent firewall (lib/consent) here, with what
 * Bridgeline last saw of the member. A refusal is never sent; it becomes a consent_refused exception.
 */
const OPTED_OUT: ReadonlySet<string> = new Set(["unsubscribed", "cleaned", "archived", "forgotten"]);

export function isOptedOut(status: KnownMemberStatus | null): boolean {
  return status !== null && OPTED_OUT.has(status);
}

export function guardWrite(
  record: PlannedRecord,
  kind: IntendedMemberWrite["kind"],
  body: Record<string, unknown>,
  knownStatus: KnownMemberStatus | null,
): FirewallDecision {
  return checkMemberWrite({
    kind,
    body,
    memberExists: kind === "batch_subscribe_new" ? "unknown" : true,
    knownStatus,
    // The planner resolved the policy for this record (e.g. subscribed only with recorded consent).
    allowedNewStatus: record.statusIfNew,
    ...(kind === "batch_subscribe_new" ? { updateExisting: false } : {}),
  });
}

export function refusedOutcome(record: PlannedRecord, decision: Extract<FirewallDecision, { allow: false }>): RecordOutcome {
  return { record, kind: "rejected", error: { kind: "consent_refused", title: decision.code, message: decision.reason } };
}
