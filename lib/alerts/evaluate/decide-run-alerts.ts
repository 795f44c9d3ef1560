import type { AlertsPolicy } from "../policy-schema";
import type { AlertCondition } from "../types";

export interface EndedRun {
  id: string;
  mode: string;
  status: "succeeded" | "failed";
  error: string | null;
  /** Records the plan looked at: planned, unchanged, excluded and exceptions. */
  considered: number;
  /** Exceptions this run raised for the first time. */
  newExceptions: number;
  /** A run ended before this one: the first run of a business raises every exception "for the first time". */
  hadPrevious: boolean;
  sent: number;
  failed: number;
  throttles: number;
  retries: number;
}

export interface ActiveRun {
  id: string;
  status: string;
  /** Last sign of life: heartbeat, else start, else creation. */
  aliveAt: Date;
}

export interface RunSignals {
  /** The latest whole or targeted run that ended (dry runs and cancelled runs aside). */
  latest: EndedRun | null;
  active: ActiveRun[];
}

/** Run health, decided from what Postgres says about runs; no I/O, so every threshold is unit-tested. */
export function decideRunAlerts(s: RunSignals, policy: AlertsPolicy, now: Date): AlertCondition[] {
  const out: AlertCondition[] = [];
  for (const r of s.active) {
    const minutes = Math.floor((now.getTime() - r.aliveAt.getTime()) / 60_000);
    if (minutes < policy.stalledMinutes) continue;
    out.push({
      kind: "run_stalled", subject: r.id, title: `Run ${short(r.id)} ${r.status} with no sign of life for ${minutes} min`,
      message: `Run ${r.id} is ${r.status} but nothing has moved for ${minutes} minutes (threshold ${policy.stalledMinutes}).`,
      action: r.status === "queued"
        ? "No worker is taking jobs: start `npm run worker` (or check the one running), then watch the run start."
        : "Check that a worker is running and can reach Postgres; a crashed worker's batches are taken over by another. Cancel the run from Sync runs if it must stop.",
      facts: { runId: r.id, status: r.status, minutes },
    });
  }
  const r = s.latest;
  if (!r) return out;
  if (r.status === "failed") {
    out.push({
      kind: "run_failed", subject: "sync", title: `The last ${r.mode} run failed`,
      message: `Run ${r.id} failed: ${r.error ?? "no reason recorded"}`,
      action: "Open the run on Sync runs, fix what its error names (the runbook entry says how), then start a new run. The alert clears when a run succeeds.",
      facts: { runId: r.id },
    });
  }
  const rate = r.considered > 0 ? r.newExceptions / r.considered : 0;
  if (r.hadPrevious && r.newExceptions >= policy.exceptionSpikeMin && rate > policy.exceptionSpikeRate) {
    out.push({
      kind: "exceptions_spike", subject: "sync", title: `${r.newExceptions} new exceptions in one run`,
      message: `Run ${r.id} raised ${r.newExceptions} new exceptions out of ${r.considered} records (${pct(rate)}, threshold ${pct(policy.exceptionSpikeRate)}).`,
      action: "Open Exceptions sorted by kind: many of one kind at once usually means a change in Odoo (an import, a policy or routing change). Fix the cause, not each record.",
      facts: { runId: r.id, newExceptions: r.newExceptions, considered: r.considered },
    });
  }
  if (r.throttles >= policy.throttlesPerRun) {
    out.push({
      kind: "mailchimp_throttled", subject: "sync", title: `Mailchimp throttled the last run ${r.throttles} times`,
      message: `Run ${r.id} was answered 429 (too many requests) ${r.throttles} times (threshold ${policy.throttlesPerRun}); each was retried with backoff.`,
      action: "Another tool is probably using the same Mailchimp API key: give Bridgeline a key of its own. The alert clears after a run with fewer throttles.",
      facts: { runId: r.id, throttles: r.throttles },
    });
  }
  const total = r.sent + r.failed;
  const errorRate = total > 0 ? r.failed / total : 0;
  if ((r.failed > 0 && errorRate > policy.errorRate) || r.retries >= policy.retriesPerRun) {
    out.push({
      kind: "mailchimp_errors", subject: "sync", title: `Mailchimp failed ${r.failed} records and ${r.retries} requests in the last run`,
      message: `Run ${r.id}: ${r.failed} of ${total} records failed (${pct(errorRate)}, threshold ${pct(policy.errorRate)}); ${r.retries} requests were retried after a Mailchimp or network error (threshold ${policy.retriesPerRun}).`,
      action: "Open the run's batches for Mailchimp's error texts and Exceptions for rejected members; check Mailchimp's status page for an outage.",
      facts: { runId: r.id, failed: r.failed, sent: r.sent, retries: r.retries },
    });
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const short = (id: string) => id.slice(0, 8);
