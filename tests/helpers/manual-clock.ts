/**
 * Time that moves only when a test says so. It serves both sides of a poll: the emulator's background work
 * sleeps on it (BatchClock), and the poller's `sleep` advances it, so what each status check sees depends on
 * the waits the poller chose and never on how busy the machine is.
 */
export interface ManualClock {
  now(): number;
  /** A timer on this clock: resolves when the clock is advanced past `ms` from now. */
  sleep(ms: number): Promise<void>;
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
