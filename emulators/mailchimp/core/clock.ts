import { sleep } from "./delay.js";

// The time /batches jobs run on. Real by default; a host running the emulator in-process (a test) may pass a
// clock of its own to step the background work deterministically. Requests keep real latency: each holds a real
// connection while it is served.

export interface BatchClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: BatchClock = { now: () => Date.now(), sleep };
