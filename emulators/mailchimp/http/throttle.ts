import type { Emulator } from "../core/emulator.js";

// Counts in-flight requests per API key; Mailchimp allows 10 simultaneous connections per key.

export class ConnectionGate {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly emulator: Emulator) {}

  // Returns a release function, or null when the key is already at its limit.
  enter(apiKey: string): (() => void) | null {
    const current = this.inFlight.get(apiKey) ?? 0;
    if (current >= this.emulator.options.maxConnections) return null;
    this.inFlight.set(apiKey, current + 1);
    this.emulator.stats.concurrency(apiKey, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(apiKey, (this.inFlight.get(apiKey) ?? 1) - 1);
    };
  }
}
