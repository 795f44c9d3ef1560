import type { BenchArgs } from "./args";
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
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  const out = [line(COLUMNS), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
  for (const s of r.steps) out.push(`${s.name}: ${Object.entries(s.mailchimpRequests).map(([k, v]) => `${k} ${v}`).join(", ") || "no requests"}`);
  out.push("");
  for (const w of r.workers) out.push(`worker ${w.pid}: peak RSS ${w.peakRssMb} MB, full-run batches ${w.fullRunBatches}, exit ${w.exitCode}`);
  out.push(`baseline: ${r.baseline.note}; the floor itself is ${fmt(r.floorSpeedupVsPerRecord)}x faster than per-record under this cost model`);
  for (const n of r.notes) out.push(`note: ${n}`);
  out.push("");
  for (const t of r.targets) out.push(`${t.skipped ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${t.name}: ${t.actual} (target ${t.target})${t.skipped ? ` [${t.skipped}; ${t.pass ? "would pass" : "would fail"}]` : ""}`);
  out.push(r.pass ? "ALL TARGETS MET" : "TARGETS MISSED");
  return out.join("\n");
}

function ratio(x: number | null): string {
  return x === null ? "-" : fmt(x);
}
