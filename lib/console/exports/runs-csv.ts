import { ApiError } from "@/lib/api/errors";
import { isUuid } from "@/lib/is-uuid";
import { getPrisma } from "@/lib/db/client";
import { eachRun, getRunWithBatches, runDurationMs } from "@/lib/console/list-runs";
import { eachRow, fromList, iso, type CsvTable } from "./csv-table";

/** Sync runs: every run the Sync runs page lists (its 50 newest, here all of them), newest first. */
export const runsCsv: CsvTable = {
  page: "runs",
  filename: () => "sync-runs.csv",
  columns: ["run_id", "created_at", "started_at", "finished_at", "mode", "dry_run", "trigger", "status", "policy_version", "new", "updated", "unchanged", "excluded", "exceptions", "sent", "failed", "duration_ms", "error"],
  rows: () => eachRow(eachRun(), (r) => [
    r.id, iso(r.createdAt), iso(r.startedAt), iso(r.finishedAt), r.mode, r.dryRun, r.trigger, r.status, r.policyVersion,
    r.plannedNew, r.plannedUpdate, r.unchanged, r.excluded, r.exceptions, r.sent, r.failed, r.finishedAt ? runDurationMs(r) : "", r.error,
  ]),
};

/** One run's batches, as its page lists them (?run=<id>). */
export const runBatchesCsv: CsvTable = {
  page: "runs",
  filename: (q) => `sync-run-${(q.get("run") ?? "").slice(0, 8)}-batches.csv`,
  columns: ["seq", "audience_id", "kind", "status", "records", "sent", "failed", "attempts", "started_at", "finished_at", "error"],
  check: async (q) => {
    if ((await batchesOf(q.get("run"))) === null) throw new ApiError(404, "not_found", "No such run.");
  },
  rows: (q) => fromList(batchesOf(q.get("run")).then((b) => b ?? []), (b) => [b.seq, b.audienceId ?? "several", b.kind, b.status, b.recordCount, b.sentCount, b.failedCount, b.attempts, iso(b.startedAt), iso(b.finishedAt), b.error]),
};

async function batchesOf(runId: string | null) {
  if (!isUuid(runId)) return null;
  return (await getRunWithBatches(runId))?.batches ?? null;
}

/** One run's Mailchimp calls per minute, endpoint and outcome (?run=<id>): the rows behind its traffic charts. */
export const runCallsCsv: CsvTable = {
  page: "runs",
  filename: (q) => `sync-run-${(q.get("run") ?? "").slice(0, 8)}-mailchimp-calls.csv`,
  columns: ["minute", "endpoint", "outcome", "calls", "wait_ms", "max_wait_ms", "duration_ms"],
  check: async (q) => {
    if ((await batchesOf(q.get("run"))) === null) throw new ApiError(404, "not_found", "No such run.");
  },
  rows: (q) => fromList(callsOf(q.get("run")!), (c) => [iso(c.bucket), c.endpoint, c.outcome, c.calls, Number(c.waitMs), c.maxWaitMs, Number(c.durationMs)]),
};

function callsOf(runId: string) {
  return getPrisma().mailchimpCallStat.findMany({ where: { runId }, orderBy: [{ bucket: "asc" }, { endpoint: "asc" }, { outcome: "asc" }] });
}
