import { describe, expect, it } from "vitest";
import { ETA_MARGIN, MAX_ETA_WAIT_MS, planBatchPoll, startPoll, type BatchObservation, type PollDecision, type PollSettings } from "./batch-poll-plan";

const SETTINGS: PollSettings = { intervalMs: 1_000, maxIntervalMs: 15_000, startTimeoutMs: 30 * 60_000, stallMs: 5 * 60_000 };

/** A batch as Mailchimp would show it: queued until startAt, then `perOpMs` per operation, then finalised. */
function batchAt(t: number, b: { startAt: number; perOpMs: number; total: number; finaliseMs?: number }): Omit<BatchObservation, "at"> {
  if (t < b.startAt) return { status: "pending", done: 0, total: b.total };
  const done = Math.min(b.total, Math.floor((t - b.startAt) / b.perOpMs));
  if (done < b.total) return { status: "started", done, total: b.total };
  const doneAt = b.startAt + b.total * b.perOpMs;
  return { status: t - doneAt >= (b.finaliseMs ?? 0) ? "finished" : "finalizing", done, total: b.total };
}

/** Runs the poll's decisions against a scripted batch: every look, the decision taken, and when. */
function simulate(b: Parameters<typeof batchAt>[1], settings = SETTINGS, maxLooks = 500) {
  const looks: { obs: BatchObservation; decision: PollDecision }[] = [];
  let state = startPoll(0, settings);
  let t = settings.intervalMs;
  while (looks.length < maxLooks) {
    const obs = { at: t, ...batchAt(t, b) };
    const next = planBatchPoll(state, obs, settings);
    looks.push({ obs, decision: next.decision });
    if (next.decision.kind !== "wait") break;
    state = next.state;
    t += next.decision.ms;
  }
  return looks;
}
const reasons = (looks: ReturnType<typeof simulate>) => looks.map((l) => (l.decision.kind === "wait" ? l.decision.reason : l.decision.kind));
const waits = (looks: ReturnType<typeof simulate>) => looks.flatMap((l) => (l.decision.kind === "wait" ? [l.decision.ms] : []));

describe("planBatchPoll", () => {
  it("looks twice at a batch that starts at once: once to learn its pace, once when it should be done", () => {
    // 2,000 operations at 60 ms: 120 s of work. At 1 s, 16 are done; the rest takes 123 s at that pace.
    const looks = simulate({ startAt: 0, perOpMs: 60, total: 2000 });
    expect(reasons(looks)).toEqual(["at_pace", "done"]);
    expect(waits(looks)).toEqual([Math.ceil(((1984 * 1000) / 16) * ETA_MARGIN)]);
  });

  it("does not count the time a batch waited behind another as working time", () => {
    // Queued 20.5 s, then 1,000 operations at 10 ms (10 s of work): first seen working 283 ms after it started.
    const b = { startAt: 20_500, perOpMs: 10, total: 1000 };
    const looks = simulate(b);
    expect(reasons(looks)).toEqual([...Array(5).fill("waiting_to_start"), "learning_pace", "at_pace", "done"]);
    const firstWork = looks[5]!;
    const lastIdle = looks[4]!.obs.at;
    expect(firstWork.obs).toMatchObject({ at: 20_783, done: 28 });
    // Measured from the last idle look it would look 27 times too slow (972 x 7,595 ms / 28: over 4 minutes);
    // the next look comes within the span in which it started instead.
    const learn = firstWork.decision as { ms: number };
    expect(learn.ms).toBe(firstWork.obs.at - lastIdle);
    const [paceLook, doneLook] = [looks[6]!, looks[7]!];
    // The pace between the two working looks, for the remaining operations, with the margin.
    const pace = (paceLook.obs.done - firstWork.obs.done) / (paceLook.obs.at - firstWork.obs.at);
    expect((paceLook.decision as { ms: number }).ms).toBe(Math.ceil(((1000 - paceLook.obs.done) / pace) * ETA_MARGIN));
    // Done within the margin of the real end (30.5 s), not minutes later.
    expect(doneLook.obs.at).toBeGreaterThanOrEqual(30_500);
    expect(doneLook.obs.at - 30_500).toBeLessThan(0.15 * 10_000);
  });

  it("takes the pace from the look that saw the batch started with nothing finished", () => {
    const settings = SETTINGS;
    let state = startPoll(0, settings);
    const step = (at: number, status: BatchObservation["status"], done: number) => {
      const next = planBatchPoll(state, { at, status, done, total: 1000 }, settings);
      state = next.state;
      return next.decision;
    };
    expect(step(1_000, "pending", 0)).toEqual({ kind: "wait", ms: 1_500, reason: "waiting_to_start" });
    expect(step(2_500, "started", 0)).toEqual({ kind: "wait", ms: 2_250, reason: "learning_pace" });
    // 100 in the 2,250 ms since it was seen started: 900 more take 20,250 ms, and the margin.
    expect(step(4_750, "started", 100)).toEqual({ kind: "wait", ms: Math.ceil(20_250 * ETA_MARGIN), reason: "at_pace" });
  });

  it("backs off while a batch waits and gives up on one never seen working by the start timeout", () => {
    const looks = simulate({ startAt: Infinity, perOpMs: 1, total: 10 });
    expect(waits(looks).slice(0, 8)).toEqual([1_500, 2_250, 3_375, 5_063, 7_595, 11_393, 15_000, 15_000]);
    const last = looks.at(-1)!;
    expect(last.obs.at).toBe(SETTINGS.startTimeoutMs);
    expect(last.decision).toMatchObject({ kind: "give_up", reason: "never_started", message: "still pending 30 min after submission" });
  });

  it("waits for a batch that keeps progressing however long it takes", () => {
    // 60,000 operations at 60 ms: an hour of work, twice the start timeout, never abandoned.
    const looks = simulate({ startAt: 0, perOpMs: 60, total: 60_000 });
    expect(looks.at(-1)?.decision).toEqual({ kind: "done" });
    expect(looks.at(-1)!.obs.at).toBeGreaterThanOrEqual(3_600_000);
    expect(Math.max(...waits(looks))).toBe(MAX_ETA_WAIT_MS);
    expect(looks.length).toBeLessThanOrEqual(16);
  });

  it("gives up on a batch whose operations are all done but that is never finalised, bounded by its last progress", () => {
    // 100 operations in 10 s, then Mailchimp leaves it unfinalised (seen for hours).
    const looks = simulate({ startAt: 0, perOpMs: 100, total: 100, finaliseMs: Infinity });
    const firstAllDone = looks.find((l) => l.obs.done === 100)!;
    expect(reasons(looks).filter((r) => r === "finalising").length).toBeGreaterThan(0);
    const last = looks.at(-1)!;
    expect(last.decision).toMatchObject({ kind: "give_up", reason: "stalled", message: "all 100 operations done but not finalised, no progress for 5 min" });
    expect(last.obs.at).toBe(firstAllDone.obs.at + SETTINGS.stallMs);
    // Backing off to 15 s: a stuck batch costs a couple of dozen looks, not one per interval.
    expect(looks.length).toBeLessThanOrEqual(30);
  });

  it("finishes a batch Mailchimp finalises a little after the last operation", () => {
    const looks = simulate({ startAt: 0, perOpMs: 100, total: 100, finaliseMs: 3_000 });
    expect(reasons(looks)).toEqual(["at_pace", "finalising", "finalising", "done"]);
  });

  it("gives up on a batch that stops part-way, from the moment it stopped", () => {
    const settings = { ...SETTINGS, stallMs: 60_000 };
    let state = startPoll(0, settings);
    const decisions: PollDecision[] = [];
    for (const at of [1_000, 5_000, 20_000, 40_000, 62_000, 65_000]) {
      const next = planBatchPoll(state, { at, status: "started", done: at <= 5_000 ? at / 100 : 50, total: 1000 }, settings);
      state = next.state;
      decisions.push(next.decision);
    }
    expect(decisions.slice(2).map((d) => (d.kind === "wait" ? d.reason : d.kind))).toEqual(["no_progress", "no_progress", "no_progress", "give_up"]);
    // The last wait stops at the stall deadline (progress last seen at 5 s) rather than running past it.
    expect(decisions[4]).toMatchObject({ kind: "wait", ms: 3_000 });
    expect(decisions[5]).toMatchObject({ kind: "give_up", message: "50 of 1000 operations done, no progress for 1 min" });
  });

  it("gives a batch first seen working after a long queue the whole stall time from then", () => {
    const settings = { ...SETTINGS, startTimeoutMs: 10 * 60_000, stallMs: 60_000 };
    let state = startPoll(0, settings);
    state = planBatchPoll(state, { at: 9 * 60_000, status: "pending", done: 0, total: 10 }, settings).state;
    const seen = planBatchPoll(state, { at: 9.5 * 60_000, status: "started", done: 0, total: 10 }, settings);
    expect(seen.decision).toMatchObject({ kind: "wait", reason: "learning_pace" });
    expect(planBatchPoll(seen.state, { at: 10.4 * 60_000, status: "started", done: 0, total: 10 }, settings).decision).toMatchObject({ kind: "wait" });
  });
});
