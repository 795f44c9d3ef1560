import type { BatchStatus } from "./types";

/**
 * When to look at a /batches job again, decided from what the status checks saw and when: a pure function
 * of the observations, so the poller is tested on scripted observations rather than on a clock.
 *
 * Every status check holds one of the 10 connections, so the plan is to look rarely: back off while the batch
 * waits, learn its pace once it works, then look again when the remaining operations should be done.
 *
 * The pace is operations per ms between two moments at which the batch was known to be working: an earlier
 * observation that saw it started (or submission, when no check ever saw it waiting) and now. A batch seen
 * waiting (queued behind another batch of the account) started at some unknown moment after that check, so its
 * first progress says nothing precise about its pace: the next look is then no later than the span in which it
 * started, which is enough to see it finish or to measure the pace between two working observations.
 *
 * Deadlines follow progress, not the clock: a batch that keeps finishing operations is waited for however long
 * it takes; one whose finished_operations stop moving (including all done but never finalised, which
 * Mailchimp has been seen doing for hours) is given up after `stallMs`.
 */
export interface BatchObservation {
  at: number;
  status: BatchStatus["status"];
  done: number;
  total: number;
}

export interface PollSettings {
  intervalMs: number;
  maxIntervalMs: number;
  /** Give up on a batch never seen working this long after submission (queued behind others, or lost). */
  startTimeoutMs: number;
  /** Give up on a working batch whose finished_operations have not moved for this long. */
  stallMs: number;
}

export type WaitReason =
  /** Not started yet (pending, preprocessing): back off. */
  | "waiting_to_start"
  /** Working, but its start is not known precisely enough to trust a pace yet. */
  | "learning_pace"
  /** The remaining operations at the pace measured, with a margin. */
  | "at_pace"
  /** Working but no operation finished since the last look: back off. */
  | "no_progress"
  /** Every operation finished, the batch not yet: back off until Mailchimp finalises it. */
  | "finalising";

export type PollDecision =
  | { kind: "done" }
  | { kind: "wait"; ms: number; reason: WaitReason }
  | { kind: "give_up"; reason: "never_started" | "stalled"; message: string };

export interface PollState {
  submittedAt: number;
  backoffMs: number;
  /** The last moment the batch was known not to be working (a check that saw it waiting, or submission). */
  idleAt: number;
  /** The first observation of the current working stretch; undefined after a check saw the batch waiting. */
  anchor?: { at: number; done: number };
  /** finished_operations at the last check, and when it last changed (submission until something finishes). */
  lastDone: number;
  progressAt: number;
  working: boolean;
}

/** Margin on the time the remaining operations should take at the pace seen: one more look, not two. */
export const ETA_MARGIN = 1.15;
/** However slow a batch looks, look again within this. */
export const MAX_ETA_WAIT_MS = 5 * 60_000;
const BACKOFF_GROWTH = 1.5;

export function startPoll(submittedAt: number, settings: PollSettings): PollState {
  // Presumed working from submission until a check sees it waiting: with nothing queued ahead, the first look
  // then measures the pace and the second finds the batch done.
  return { submittedAt, backoffMs: settings.intervalMs, idleAt: submittedAt, anchor: { at: submittedAt, done: 0 }, lastDone: 0, progressAt: submittedAt, working: false };
}

export function planBatchPoll(prev: PollState, obs: BatchObservation, settings: PollSettings): { state: PollState; decision: PollDecision } {
  if (obs.status === "finished") return { state: prev, decision: { kind: "done" } };
  const progressed = obs.done > prev.lastDone;
  const working = obs.done > 0 || obs.status === "started" || obs.status === "finalizing";
  const state: PollState = {
    submittedAt: prev.submittedAt,
    // A look that saw nothing new makes the next one later; progress starts the backoff again.
    backoffMs: progressed ? settings.intervalMs : Math.min(settings.maxIntervalMs, Math.ceil(prev.backoffMs * BACKOFF_GROWTH)),
    idleAt: working ? prev.idleAt : obs.at,
    // Seen waiting: whenever it starts, the time before does not count towards its pace. Seen working with
    // nothing finished: the latest such look is the closest bound on when its work began.
    anchor: !working ? undefined : prev.anchor && obs.done > 0 ? prev.anchor : { at: obs.at, done: obs.done },
    lastDone: obs.done,
    // The stall clock runs from the last progress, or from the first look that saw the batch working.
    progressAt: progressed || (working && !prev.working) ? obs.at : prev.progressAt,
    working: prev.working || working,
  };
  if (obs.at >= deadline(state, settings)) return { state, decision: giveUp(state, obs) };
  const wait = (ms: number, reason: WaitReason) => ({
    state,
    decision: { kind: "wait", ms: Math.max(1, Math.min(ms, deadline(state, settings) - obs.at)), reason } as const,
  });

  if (!working) return wait(state.backoffMs, "waiting_to_start");
  if (obs.total > 0 && obs.done >= obs.total) return wait(state.backoffMs, "finalising");
  if (obs.done === 0) return wait(state.backoffMs, "learning_pace");
  if (!progressed) return wait(state.backoffMs, "no_progress");
  const remaining = obs.total - obs.done;
  if (!prev.anchor) {
    // It started somewhere in (idleAt, at], so its pace is at least done / that span: one more span shows it
    // finished, or still working at a pace measured between two working observations.
    const span = obs.at - prev.idleAt;
    return wait(Math.min(Math.ceil(((remaining * span) / obs.done) * ETA_MARGIN), span), "learning_pace");
  }
  const doneSince = obs.done - prev.anchor.done;
  const elapsed = obs.at - prev.anchor.at;
  if (doneSince <= 0 || elapsed <= 0) return wait(state.backoffMs, "no_progress");
  const eta = (remaining * elapsed) / doneSince;
  return wait(Math.min(MAX_ETA_WAIT_MS, Math.max(settings.intervalMs, Math.ceil(eta * ETA_MARGIN))), "at_pace");
}

/** The moment the poll gives up unless something changes: bound by the last progress, not by submission. */
function deadline(state: PollState, settings: PollSettings): number {
  return state.working ? state.progressAt + settings.stallMs : state.submittedAt + settings.startTimeoutMs;
}

function giveUp(state: PollState, obs: BatchObservation): PollDecision {
  const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
  if (!state.working) {
    return { kind: "give_up", reason: "never_started", message: `still ${obs.status} ${minutes(obs.at - state.submittedAt)} after submission` };
  }
  const where = obs.total > 0 && obs.done >= obs.total ? `all ${obs.total} operations done but not finalised` : `${obs.done} of ${obs.total} operations done`;
  return { kind: "give_up", reason: "stalled", message: `${where}, no progress for ${minutes(obs.at - state.progressAt)}` };
}
