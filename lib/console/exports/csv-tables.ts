import { alertsCsv } from "./alerts-csv";
import { auditCsv } from "./audit-csv";
import { consentCsvTables } from "./consent-csv";
import type { CsvTable } from "./csv-table";
import { exceptionsCsv } from "./exceptions-csv";
import { overviewAudiencesCsv, reconciliationAudiencesCsv } from "./overview-csv";
import { recordFieldsCsv, recordHistoryCsv } from "./record-csv";
import { revenueOrdersCsv } from "./revenue-orders-csv";
import { runBatchesCsv, runCallsCsv, runsCsv } from "./runs-csv";
import { usersCsv } from "./users-csv";

/**
 * Every table of the console that /api/export/<name> serves. The Reconciliation gaps and the Revenue table
 * keep their own routes (/api/reconcile/gaps/export, /api/revenue/export), which came first.
 */
export const CSV_TABLES: Record<string, CsvTable> = {
  "overview-audiences": overviewAudiencesCsv,
  alerts: alertsCsv,
  "reconciliation-audiences": reconciliationAudiencesCsv,
  "record-fields": recordFieldsCsv,
  "record-history": recordHistoryCsv,
  exceptions: exceptionsCsv,
  ...consentCsvTables,
  "revenue-orders": revenueOrdersCsv,
  runs: runsCsv,
  "run-batches": runBatchesCsv,
  "run-calls": runCallsCsv,
  audit: auditCsv,
  users: usersCsv,
};

export type CsvTableName = keyof typeof CSV_TABLES;
