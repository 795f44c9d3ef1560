import type { MailchimpCall } from "@/lib/mailchimp";

/** One row of mailchimp_call_stats: the calls of one minute, run, endpoint and outcome. */
export interface CallStatRow {
  bucket: Date;
  runId: string | null;
  /** "PUT /lists/{list_id}/members/{subscriber_hash}" */
  endpoint: string;
  outcome: string;
  calls: number;
  waitMs: number;
  maxWaitMs: number;
  durationMs: number;
}

const MINUTE = 60_000;

/**
 * Counts a worker's Mailchimp calls in memory, per minute, run, endpoint and outcome, until the flusher takes
 * them (drain). Pure: the clock is the caller's (`at`).
 */
export class CallStats {
  private rows = new Map<string, CallStatRow>();

  record(call: MailchimpCall & { runId?: string | undefined; at: Date }): void {
    const bucket = new Date(Math.floor(call.at.getTime() / MINUTE) * MINUTE);
    const endpoint = `${call.method} ${call.route}`;
    const runId = call.runId ?? null;
    const key = `${bucket.getTime()}|${runId ?? ""}|${endpoint}|${call.outcome}`;
    const row = this.rows.get(key) ?? { bucket, runId, endpoint, outcome: call.outcome, calls: 0, waitMs: 0, maxWaitMs: 0, durationMs: 0 };
    const wait = Math.max(0, Math.round(call.waitMs));
    row.calls += 1;
    row.waitMs += wait;
    row.maxWaitMs = Math.max(row.maxWaitMs, wait);
    row.durationMs += Math.max(0, Math.round(call.ms));
    this.rows.set(key, row);
  }

  /** What was counted since the last drain; the counter starts again from nothing. */
  drain(): CallStatRow[] {
    const out = [...this.rows.values()];
    this.rows = new Map();
    return out;
  }

  /** Puts rows a failed flush could not write back, to go with the next one. */
  restore(rows: CallStatRow[]): void {
    for (const r of rows) {
      const key = `${r.bucket.getTime()}|${r.runId ?? ""}|${r.endpoint}|${r.outcome}`;
      const row = this.rows.get(key);
      if (!row) this.rows.set(key, { ...r });
      else Object.assign(row, { calls: row.calls + r.calls, waitMs: row.waitMs + r.waitMs, maxWaitMs: Math.max(row.maxWaitMs, r.maxWaitMs), durationMs: row.durationMs + r.durationMs });
    }
  }
}
