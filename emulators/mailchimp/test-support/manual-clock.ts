import type { BatchClock } from "../core/clock.js";

/**
 * Time that moves only when a test says so, for the emulator's `batchClock`: /batches jobs advance exactly as
 * far as the test moves the clock, however busy the machine is. A poller under test can take `advance` as its
 * sleep and `now` as its clock, so what each status check sees follows from the waits the poller chose.
 */
export interface ManualClock extends BatchClock {
  /** Moves time forward by `ms`, firing every timer due on the way in order and letting its work run. */
  advance(ms: number): Promise<void>;
}

export function manualClock(start = 0): ManualClock {
  let now = start;
  let seq = 0;
  const timers: { at: number; seq: number; fire: () => void }[] = [];
  // The work a timer wakes (an emulated operation) runs in promise callbacks; one macrotask turn runs them all
  // up to the next timer they register.
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms) => (ms <= 0 ? Promise.resolve() : new Promise<void>((fire) => void timers.push({ at: now + ms, seq: seq++, fire }))),
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        now = next.at;
        next.fire();
        await settle();
      }
      now = until;
    },
  };
}
