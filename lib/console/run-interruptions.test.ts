import { describe, expect, it } from "vitest";
import { describeInterruptions } from "./run-interruptions";

describe("describeInterruptions", () => {
  it("says nothing for a run that sat through nothing", () => {
    expect(describeInterruptions({ outages: [], handoffs: 0 })).toBeNull();
  });
  it("names the outages with their total, and the jobs taken over", () => {
    const outage = (seconds: number) => ({ from: "2026-12-01T12:00:00.000Z", to: "2026-12-01T12:00:05.000Z", seconds });
    expect(describeInterruptions({ outages: [outage(5.6)], handoffs: 0 })).toBe(
      "The database was unavailable once during this run (5.6 s in all): the workers paused and carried on when it was back.",
    );
    expect(describeInterruptions({ outages: [outage(2), outage(3.5)], handoffs: 1 })).toBe(
      "The database was unavailable 2 times during this run (5.5 s in all): the workers paused and carried on when it was back. 1 job was taken over from workers that stopped responding.",
    );
    expect(describeInterruptions({ outages: [], handoffs: 8 })).toBe("8 jobs were taken over from workers that stopped responding.");
  });
});
