import { describe, expect, it } from "vitest";
import { noBatchesText, sampleHeadings } from "./run-wording";

const run = (status: "queued" | "planning" | "running" | "paused" | "succeeded" | "cancelled" | "failed", extra: { dryRun?: boolean; failed?: number } = {}) => ({
  status,
  dryRun: extra.dryRun ?? false,
  failed: extra.failed ?? 0,
});

describe("a run's sample headings", () => {
  it("say 'would' only for a dry run", () => {
    expect(sampleHeadings(run("succeeded", { dryRun: true })).new).toBe("Would be added");
    for (const status of ["queued", "planning", "running", "paused", "succeeded", "cancelled", "failed"] as const)
      expect(sampleHeadings(run(status)).new).not.toMatch(/would/i);
  });

  it("say it was done only when the run succeeded with nothing failed", () => {
    expect(sampleHeadings(run("succeeded"))).toEqual({ new: "Added", update: "Updated", departure: "Left scope (managed tags removed)" });
    expect(sampleHeadings(run("succeeded", { failed: 3 })).new).toBe("Planned to be added (3 of the run's records failed and will be retried)");
    expect(sampleHeadings(run("cancelled")).update).toMatch(/^Planned to be updated \(the run was cancelled/);
    expect(sampleHeadings(run("running")).new).toBe("Being added");
  });
});

describe("a run without batches", () => {
  it("says nothing needed sending only once a real run succeeded", () => {
    expect(noBatchesText(run("succeeded"))).toBe("No batches: nothing needed sending.");
    expect(noBatchesText(run("queued"))).toBe("Not planned yet: the run is waiting for a worker to pick it up.");
    expect(noBatchesText(run("planning"))).toMatch(/^Planning/);
    expect(noBatchesText(run("failed"))).toBe("Failed before any batch was written.");
    expect(noBatchesText(run("queued", { dryRun: true }))).toBe("A dry run sends nothing.");
    for (const status of ["queued", "planning", "running", "paused", "cancelled", "failed"] as const) expect(noBatchesText(run(status))).not.toMatch(/nothing needed/);
  });
});
