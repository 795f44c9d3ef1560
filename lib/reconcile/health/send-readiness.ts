/**
 * Send-readiness of one audience for marketing: can a campaign go out to it now and reach the right people
 * with the right data? A pure decision over facts the console gathers, with a reason for every downgrade, so
 * the verdict is never a colour without an explanation.
 */
export type Verdict = "ready" | "caution" | "not_ready";

export interface ReadinessFacts {
  /** Last successful (non-dry) sync run's end, any audience: runs write every routed audience. */
  lastSyncAt: Date | null;
  /** Last successful read-back. */
  lastReadBackAt: Date | null;
  /** A read-back that failed after the last successful one. */
  readBackFailedSince: boolean;
  /** The oldest Odoo change not yet in Mailchimp, as measured by the last read-back (null: none pending). */
  oldestPendingAt: Date | null;
  /** Members Odoo wants in this audience, and the gaps the last read-back found in it, by kind. */
  expected: number;
  gaps: Record<string, number>;
  openExceptions: number;
  pendingWritebacks: number;
}

export interface Reason {
  level: "caution" | "not_ready";
  text: string;
}

const HOUR = 3_600_000;
/** Gap kinds that mean a send reaches the wrong people or carries wrong data (Mailchimp-only members are not ours). */
const SEND_GAPS = ["missing", "not_eligible", "merge_drift", "tag_drift", "consent_drift"];
const LABEL: Record<string, string> = { missing: "missing", not_eligible: "no longer eligible", merge_drift: "with drifted merge fields", tag_drift: "with drifted tags", consent_drift: "with consent drift" };

export const THRESHOLDS = { staleReadBackHours: 24, deadReadBackHours: 7 * 24, lagCautionHours: 1, lagBlockHours: 24, gapBlockShare: 0.05 };

export function decideReadiness(f: ReadinessFacts, now: Date): { verdict: Verdict; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const hours = (d: Date) => (now.getTime() - d.getTime()) / HOUR;
  if (!f.lastSyncAt) reasons.push({ level: "not_ready", text: "No sync has succeeded yet." });
  if (!f.lastReadBackAt) reasons.push({ level: "not_ready", text: "Mailchimp has not been read back yet: nothing confirms what the audience holds." });
  else if (hours(f.lastReadBackAt) > THRESHOLDS.deadReadBackHours) reasons.push({ level: "not_ready", text: `Last read-back is ${Math.floor(hours(f.lastReadBackAt) / 24)} days old.` });
  else if (hours(f.lastReadBackAt) > THRESHOLDS.staleReadBackHours) reasons.push({ level: "caution", text: `Last read-back is ${Math.floor(hours(f.lastReadBackAt))} hours old.` });
  if (f.readBackFailedSince) reasons.push({ level: "caution", text: "The latest read-back failed; the numbers are from the one before." });
  if (f.oldestPendingAt) {
    const lag = hours(f.oldestPendingAt);
    if (lag > THRESHOLDS.lagBlockHours) reasons.push({ level: "not_ready", text: `Odoo changes from ${Math.floor(lag)} hours ago are not in Mailchimp yet.` });
    else if (lag > THRESHOLDS.lagCautionHours) reasons.push({ level: "caution", text: `Odoo changes from ${Math.floor(lag)} hours ago are not in Mailchimp yet.` });
  }
  const sendGaps = SEND_GAPS.reduce((n, k) => n + (f.gaps[k] ?? 0), 0);
  if (sendGaps > 0) {
    const parts = SEND_GAPS.filter((k) => (f.gaps[k] ?? 0) > 0).map((k) => `${f.gaps[k]} ${LABEL[k]}`);
    const share = f.expected > 0 ? sendGaps / f.expected : 1;
    reasons.push({ level: share > THRESHOLDS.gapBlockShare ? "not_ready" : "caution", text: `Open gaps: ${parts.join(", ")}.` });
  }
  if (f.openExceptions > 0) reasons.push({ level: "caution", text: `${f.openExceptions} open exception(s) keep records out of this audience.` });
  if (f.pendingWritebacks > 0) reasons.push({ level: "caution", text: `${f.pendingWritebacks} consent write-back(s) to Odoo are still pending.` });
  const verdict: Verdict = reasons.some((r) => r.level === "not_ready") ? "not_ready" : reasons.length > 0 ? "caution" : "ready";
  return { verdict, reasons };
}
