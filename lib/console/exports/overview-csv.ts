import { overviewStats } from "@/lib/console/overview-stats";
import { reconcileSummary } from "@/lib/console/reconcile/summary";
import { ALL_GAP_KINDS } from "@/lib/reconcile/gap-kinds";
import { fromList, type CsvTable } from "./csv-table";

/** The Overview's table: per audience, records by outcome and open exceptions. */
export const overviewAudiencesCsv: CsvTable = {
  page: "overview",
  filename: () => "overview-audiences.csv",
  columns: ["audience_id", "synced", "failed_will_retry", "open_exceptions", "left_scope", "unsubscribed_or_cleaned"],
  rows: () => fromList(overviewStats().then((s) => s.audiences), (a) => [a.audienceId, a.synced, a.failed, a.exception, a.excluded, a.unsubscribedOrCleaned]),
};

/** The Reconciliation summary table: per audience of the shown read-back, members, expected and gaps by kind. */
export const reconciliationAudiencesCsv: CsvTable = {
  page: "reconciliation",
  filename: () => "reconciliation-audiences.csv",
  columns: ["audience_id", "members", "expected", ...ALL_GAP_KINDS],
  rows: () => fromList(reconcileSummary().then((s) => s.audiences), (a) => [a.audienceId, a.members, a.expected, ...ALL_GAP_KINDS.map((k) => a.gaps[k])]),
};
