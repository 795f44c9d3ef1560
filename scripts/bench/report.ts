import type { BenchArgs } from "./args";
import type { CommerceResults } from "./assemble";
import type { Floor } from "./floor";
import type { StepMeasure } from "./steps";
import { fmt, type TargetResult } from "./targets";
import type { WorkerReport } from "./workers";

export interface StepResult extends StepMeasure {
  floor: Floor;
  /** Requests / floor requests, wall / floor time: 1 is the physical best. */
  requestsToFloor: number | null;
  wallToFloor: number | null;
  /** The per-record baseline's wall time / this step's (how many times faster). */
  speedupVsBaseline: number | null;
}

export interface BenchResults {
  date: string;
  command: string;
  settings: BenchArgs & { connections: number; membersPerRequest: number; batchPhaseMs: number; database: string };
  machine: Record<string, unknown>;
  steps: StepResult[];
  /** The full load's e-commerce step against its floor (absent with --no-commerce). */
  commerce?: CommerceResults;
  baseline: { sampled: number; records: number; scaled: boolean; note: string };
  floorSpeedupVsPerRecord: number;
  workers: Array<WorkerReport & { fullRunBatches: number }>;
  maxConnections: number;
  notes: string[];
  targets: TargetResult[];
  pass: boolean;
  benchSeconds: number;
}

const COLUMNS = ["step", "records", "MC req", "writes", "Odoo req", "wall s", "rec/s", "floor req", "floor s", "req/floor", "wall/floor", "x baseline", "max conn"];

export function renderTable(r: BenchResults): string {
  const rows = r.steps.map((s) => [
    s.name, String(s.records), String(s.mailchimpRequestsTotal), String(s.memberWrites), String(s.odooRequests), fmt(s.wallSeconds),
    fmt(Math.round(s.recordsPerSecond)), String(s.floor.requests), fmt(s.floor.seconds), ratio(s.requestsToFloor), ratio(s.wallToFloor),
    ratio(s.speedupVsBaseline), String(s.maxConnections),
  ]);
  // The full load's e-commerce step under it: records are the writes it made (products, customers, orders).
  const c = r.commerce;
  if (c) {
    const written = c.step.ecommerceWrites;
    rows.splice(1, 0, [
      "  e-commerce step", String(written), String(c.step.mailchimpRequestsTotal), String(c.step.ecommerceWrites), String(c.step.odooRequests),
      fmt(c.step.wallSeconds), fmt(Math.round(written / Math.max(c.step.wallSeconds, 1e-9))), String(c.floor.requests), fmt(c.floor.seconds),
      ratio(c.requestsToFloor), ratio(c.wallToFloor), "-", "-",
    ]);
  }
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  const out = [line(COLUMNS), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
  for (const s of r.steps) out.push(`${s.name}: ${Object.entries(s.mailchimpRequests).map(([k, v]) => `${k} ${v}`).join(", ") || "no requests"}`);
  out.push("");
  if (r.commerce) out.push(...renderCommerce(r.commerce), "");
  for (const w of r.workers) out.push(`worker ${w.pid}: ${w.restRssMb === undefined ? "" : `at rest ${w.restRssMb} MB, `}peak RSS ${w.peakRssMb} MB, full-run batches ${w.fullRunBatches}, exit ${w.exitCode}`);
  out.push(`baseline: ${r.baseline.note}; the floor itself is ${fmt(r.floorSpeedupVsPerRecord)}x faster than per-record under this cost model`);
  for (const n of r.notes) out.push(`note: ${n}`);
  out.push("");
  for (const t of r.targets) out.push(`${t.skipped ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${t.name}: ${t.actual} (target ${t.target})${t.skipped ? ` [${t.skipped}; ${t.pass ? "would pass" : "would fail"}]` : ""}`);
  out.push(r.pass ? "ALL TARGETS MET" : "TARGETS MISSED");
  return out.join("\n");
}

function renderCommerce(c: CommerceResults): string[] {
  const s = c.step;
  const sum = s.summary;
  const out = [
    `${s.name}: ${fmt(s.wallSeconds)} s; stores ${String(sum.storesCreated ?? 0)} created, products ${String(sum.productsWritten ?? 0)}, customers ${String(sum.customersWritten ?? 0)}, orders ${String(sum.ordersCreated ?? 0)} created + ${String(sum.ordersUpdated ?? 0)} updated, unchanged ${String(sum.unchanged ?? 0)}, failed ${String(sum.failed ?? 0)}, skipped (no member) ${String(sum.skippedNoMember ?? 0)}, skipped (no line) ${String(sum.skippedNoLines ?? 0)}; business ${c.ordersGenerated} sale orders`,
    `  requests ${s.mailchimpRequestsTotal}: ${Object.entries(s.mailchimpRequests).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`,
    `  /batches operations ${s.batchOperations} in ${s.batchSubmissions} submissions: ${Object.entries(s.batchOperationsByRoute).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`,
    `  floor (${c.floor.operations} products + orders; customers ride in their orders): ${c.floor.requests} requests through /batches (${fmt(c.floor.bulk.seconds)} s, operations one at a time), ${fmt(c.floor.direct.seconds)} s as ${c.floor.direct.requests} single requests over 10 connections`,
    `  req/floor ${ratio(c.requestsToFloor)}, wall/floor ${ratio(c.wallToFloor)} (wall / bulk-path floor ${ratio(c.wallToBulkFloor)}); notifications ${c.notifications}; e-commerce writes when unchanged ${c.unchangedWrites}`,
  ];
  if (c.projection) {
    const p = c.projection;
    out.push(`  projection for three orders per partner (${c.ordersFullBusiness} sale orders, ${p.orders} to write): ${fmt(p.wallSeconds)} s = ${fmt(p.wallSeconds / 3600)} h as the engine writes them; floor ${fmt(p.floor.direct.seconds / 3600)} h over 10 connections, ${fmt(p.floor.bulk.seconds / 3600)} h through /batches (${p.note})`);
  }
  return out;
}

function ratio(x: number | null): string {
  return x === null ? "-" : fmt(x);
}
