import type { PlanProgress } from "@/lib/sync/plan/plan-progress";

/** What the run page needs to draw one bar. total null: not known yet (the bar shows a count, not a share). */
export interface PhaseProgress {
  key: "reading" | "planning" | "sending" | "checking" | "orders" | "consent";
  label: string;
  unit: "partners" | "records" | "orders" | "opt-outs";
  state: "waiting" | "active" | "done" | "stopped";
  done: number;
  total: number | null;
  perSecond: number | null;
  secondsLeft: number | null;
}

export interface RunProgressInput {
  status: string;
  startedAt: Date | null;
  progress: Partial<PlanProgress>;
  /** Over the run's batches: records planned into them, records a worker has handed to Mailchimp, records with an outcome. */
  batches: { records: number; handedOver: number; settled: number; firstStartedAt: Date | null };
  /** The run's e-commerce step (orders after members), when the policy has it on. */
  commerce?: { status: string; orders: number; startedAt: Date | null; finishedAt: Date | null } | null;
  /**
   * Consent flowing back to Odoo while the run was active: write-backs to Odoo's blacklist created in the run's
   * window (from webhooks and the workers' polls: consent is not a run's work, it flows all the time), and how many
   * of them have landed (done) or given up (failed).
   */
  consent?: { total: number; settled: number; startedAt: Date | null } | null;
}

const ACTIVE = new Set(["queued", "planning", "running", "paused"]);

/**
 * A run's progress per phase (reading Odoo, planning, sending, checking /batches) with a rate and the time left,
 * from what the planner and sync_batches say. Pure, with `now` passed in: tested on scripted moments, not clocks.
 * Sending overlaps planning (batches leave as they are written), so two bars can move at once.
 */
export function describeRunProgress(i: RunProgressInput, now: Date): PhaseProgress[] {
  const p = i.progress;
  const active = ACTIVE.has(i.status);
  const planned = p.stage === "planned" || (!active && i.status === "succeeded") || i.status === "running";
  const readDone = planned || p.stage === "planning";
  const state = (done: boolean, started: boolean): PhaseProgress["state"] => (done ? "done" : !active ? "stopped" : started ? "active" : "waiting");
  const read = p.partnersRead ?? 0;
  const readTotal = readDone ? Math.max(read, p.partnersTotal ?? 0) : (p.partnersTotal ?? null);
  const b = i.batches;
  const recordsTotal = planned ? b.records : null;
  const since = (from: string | Date | null | undefined, until?: string) => (from ? (new Date(until ?? now).getTime() - new Date(from).getTime()) / 1000 : 0);
  const sendingDone = planned && b.handedOver >= b.records;
  const checkingDone = planned && b.settled >= b.records;
  return [
    phase("reading", "Reading Odoo", "partners", state(readDone, p.stage === "reading"), read, readTotal, since(p.readingAt ?? i.startedAt, readDone ? p.planningAt : undefined)),
    phase("planning", "Planning", "records", state(planned, p.stage === "planning"), b.records, recordsTotal, since(p.planningAt, planned ? p.plannedAt : undefined)),
    phase("sending", "Sending to Mailchimp", "records", state(sendingDone, b.handedOver > 0), b.handedOver, recordsTotal, since(b.firstStartedAt)),
    phase("checking", "Checking /batches", "records", state(checkingDone, b.settled > 0 || b.handedOver > 0), b.settled, recordsTotal, since(b.firstStartedAt)),
    ...(i.commerce ? [ordersPhase(i.commerce, active)] : []),
    ...(i.consent ? [consentPhase(i.consent, active, now)] : []),
  ];
}

/** Opt-outs written back to Odoo during the run: done when none is pending, whatever the run does. */
function consentPhase(c: NonNullable<RunProgressInput["consent"]>, active: boolean, now: Date): PhaseProgress {
  const settled = c.settled >= c.total;
  const state: PhaseProgress["state"] = settled ? (active && c.total === 0 ? "waiting" : "done") : active ? "active" : "stopped";
  const seconds = c.startedAt ? (now.getTime() - c.startedAt.getTime()) / 1000 : 0;
  return phase("consent", "Consent back to Odoo", "opt-outs", state, c.settled, c.total, seconds);
}

/** One step that reports only at its end: running (a count is not known yet), then the orders it wrote. */
function ordersPhase(c: NonNullable<RunProgressInput["commerce"]>, active: boolean): PhaseProgress {
  const done = c.status === "succeeded";
  const state: PhaseProgress["state"] = done ? "done" : !active || c.status === "failed" || c.status === "cancelled" ? "stopped" : c.status === "running" ? "active" : "waiting";
  return { key: "orders", label: "Orders to Mailchimp", unit: "orders", state, done: done ? c.orders : 0, total: done ? c.orders : null, perSecond: null, secondsLeft: null };
}

function phase(key: PhaseProgress["key"], label: string, unit: PhaseProgress["unit"], state: PhaseProgress["state"], done: number, total: number | null, seconds: number): PhaseProgress {
  const perSecond = seconds > 0 && done > 0 ? done / seconds : null;
  const left = total === null ? null : Math.max(0, total - done);
  const secondsLeft = state !== "active" || left === null ? null : perSecond ? Math.ceil(left / perSecond) : null;
  return { key, label, unit, state, done, total, perSecond: perSecond === null ? null : Math.round(perSecond * 10) / 10, secondsLeft };
}
