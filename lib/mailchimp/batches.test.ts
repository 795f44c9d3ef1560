import { describe, expect, it } from "vitest";
import { nextPollWait } from "./batches";

describe("nextPollWait", () => {
  it("backs off while Mailchimp reports no progress", () => {
    expect(nextPollWait({ total_operations: 500, finished_operations: 0 }, 1_000, 1_500)).toBe(1_500);
    expect(nextPollWait({ total_operations: 0, finished_operations: 0 }, 1_000, 1_500)).toBe(1_500);
  });

  it("waits for the remaining operations at the pace seen so far, with a margin", () => {
    // 50 of 500 in 2 s: 450 more take 18 s; with the margin a little over that.
    const wait = nextPollWait({ total_operations: 500, finished_operations: 50 }, 2_000, 1_500);
    expect(wait).toBeGreaterThan(18_000);
    expect(wait).toBeLessThan(22_000);
  });

  it("looks again within 5 minutes however slow the batch seems", () => {
    expect(nextPollWait({ total_operations: 5000, finished_operations: 1 }, 10_000, 1_500)).toBe(300_000);
  });

  it("never waits less than the backoff, even when almost done", () => {
    expect(nextPollWait({ total_operations: 500, finished_operations: 499 }, 10_000, 1_500)).toBe(1_500);
  });
});
