import { jobId } from "../job-id";

/**
 * Which workers are gone and which of their jobs go to someone else: the whole of crash recovery's judgement,
 * pure, with the clock passed in (the database's, so workers on different hosts agree on "now").
 *
 * A worker is gone when it said so (stopped_at: a stop that timed out left jobs behind), when another worker
 * already declared it dead, or when its last beat is older than deadAfterMs. The deciding worker never judges
 * itself: a worker that wakes from a long pause finds out from others (its session is terminated). Nor does it
 * judge a stale beat before it has itself beaten without a break for deadAfterMs (observingSince): after a
 * database outage every beat is stale, and the first worker back must not declare all the others dead. Every job a
 * gone worker still claims is handed on under a job id derived from the old one, so two workers deciding at once
 * send it once. So is a job the queue holds as active that nobody claims (unclaimed).
 */
export interface WorkerBeat {
  id: string;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  declaredDeadAt: Date | null;
}

export interface JobClaim {
  jobId: string;
  queue: string;
  workerId: string;
  data: unknown;
}

export type GoneReason = "heartbeat_stale" | "stopped" | "declared_dead" | "unclaimed";

/**
 * A job pg-boss holds as active that no worker claims: its worker died (or lost the database) between taking it
 * from the queue and claiming it, or after releasing it but before the queue recorded its end.
 */
export interface ActiveJob {
  jobId: string;
  queue: string;
  data: unknown;
  startedOn: Date;
}

export interface Handoff {
  claim: Omit<JobClaim, "workerId"> & { workerId: string | null };
  reason: GoneReason;
  lastHeartbeatAt: Date | null;
  newJobId: string;
}

export interface HandoffDecision {
  /** Workers to mark dead now (stale beat, not marked yet): their Postgres sessions are ended too. */
  declareDead: Array<{ workerId: string; lastHeartbeatAt: Date; silentMs: number }>;
  handoffs: Handoff[];
}

export interface HandoffInput {
  now: Date;
  self: string;
  /** When the deciding worker's own unbroken run of beats began (null: its last beat failed). */
  observingSince: Date | null;
  workers: WorkerBeat[];
  claims: JobClaim[];
  /** Active plan and batch jobs without a claim. */
  unclaimed?: ActiveJob[];
  deadAfterMs: number;
}

export function decideHandoffs(input: HandoffInput): HandoffDecision {
  const watchedLongEnough = input.observingSince !== null && input.now.getTime() - input.observingSince.getTime() >= input.deadAfterMs;
  const gone = new Map<string, { reason: GoneReason; worker: WorkerBeat }>();
  const declareDead: HandoffDecision["declareDead"] = [];
  for (const w of input.workers) {
    if (w.id === input.self) continue;
    const silentMs = input.now.getTime() - w.heartbeatAt.getTime();
    if (w.declaredDeadAt) gone.set(w.id, { reason: "declared_dead", worker: w });
    else if (w.stoppedAt) gone.set(w.id, { reason: "stopped", worker: w });
    else if (watchedLongEnough && silentMs > input.deadAfterMs) {
      gone.set(w.id, { reason: "heartbeat_stale", worker: w });
      declareDead.push({ workerId: w.id, lastHeartbeatAt: w.heartbeatAt, silentMs });
    }
  }
  const handoffs: Handoff[] = [];
  for (const claim of input.claims) {
    const g = gone.get(claim.workerId);
    if (!g) continue;
    handoffs.push({ claim, reason: g.reason, lastHeartbeatAt: g.worker.heartbeatAt, newJobId: takeoverJobId(claim.jobId) });
  }
  // Given as long as a silent worker: a live one claims a job within milliseconds of taking it.
  for (const job of watchedLongEnough ? (input.unclaimed ?? []) : []) {
    if (input.now.getTime() - job.startedOn.getTime() <= input.deadAfterMs) continue;
    handoffs.push({ claim: { jobId: job.jobId, queue: job.queue, workerId: null, data: job.data }, reason: "unclaimed", lastHeartbeatAt: null, newJobId: takeoverJobId(job.jobId) });
  }
  return { declareDead, handoffs };
}

export const takeoverJobId = (oldJobId: string) => jobId(`takeover:${oldJobId}`);
