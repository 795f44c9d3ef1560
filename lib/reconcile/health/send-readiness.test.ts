import { describe, expect, it } from "vitest";
import { decideReadiness, type ReadinessFacts } from "./send-readiness";

const now = new Date("2026-11-30T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const clean: ReadinessFacts = {
  lastSyncAt: hoursAgo(1), lastReadBackAt: hoursAgo(1), readBackFailedSince: false, oldestPendingAt: null,
  expected: 1000, gaps: { missing: 0, mailchimp_only: 40 }, openExceptions: 0, pendingWritebacks: 0,
};

describe("send readiness", () => {
  it("is ready when synced, read back recently and without gaps of ours (others' members do not count)", () => {
    expect(decideReadiness(clean, now)).toEqual({ verdict: "ready", reasons: [] });
  });

  it("is not ready before any sync or read-back, each said", () => {
    const d = decideReadiness({ ...clean, lastSyncAt: null, lastReadBackAt: null }, now);
    expect(d.verdict).toBe("not_ready");
    expect(d.reasons).toHaveLength(2);
  });

  it("cautions on a few gaps, exceptions or pending write-backs, and blocks past 5% of the audience", () => {
    expect(decideReadiness({ ...clean, gaps: { missing: 3, tag_drift: 2 } }, now)).toEqual({ verdict: "caution", reasons: [{ level: "caution", text: "Open gaps: 3 missing, 2 with drifted tags." }] });
    expect(decideReadiness({ ...clean, openExceptions: 2 }, now).verdict).toBe("caution");
    expect(decideReadiness({ ...clean, pendingWritebacks: 1 }, now).verdict).toBe("caution");
    expect(decideReadiness({ ...clean, gaps: { merge_drift: 51 } }, now).verdict).toBe("not_ready");
  });

  it("grades the lag and the age of the read-back", () => {
    expect(decideReadiness({ ...clean, oldestPendingAt: hoursAgo(0.5) }, now).verdict).toBe("ready");
    expect(decideReadiness({ ...clean, oldestPendingAt: hoursAgo(3) }, now).verdict).toBe("caution");
    expect(decideReadiness({ ...clean, oldestPendingAt: hoursAgo(30) }, now).verdict).toBe("not_ready");
    expect(decideReadiness({ ...clean, lastReadBackAt: hoursAgo(30) }, now).verdict).toBe("caution");
    expect(decideReadiness({ ...clean, lastReadBackAt: hoursAgo(200) }, now).verdict).toBe("not_ready");
    expect(decideReadiness({ ...clean, readBackFailedSince: true }, now).verdict).toBe("caution");
  });
});
