import type { SyncRun } from "@/lib/generated/prisma/client";

type RunState = Pick<SyncRun, "status" | "dryRun" | "failed">;

export interface SampleHeadings {
  new: string;
  update: string;
  departure: string;
}

/**
 * What a run's page calls the planner's examples. A dry run is a preview ("would"); a run under way is doing
 * it; only a run that finished with nothing failed may say it was done; otherwise it is what was planned.
 */
export function sampleHeadings(run: RunState): SampleHeadings {
  if (run.dryRun) return { new: "Would be added", update: "Would be updated", departure: "Would leave scope (managed tags removed)" };
  switch (run.status) {
    case "queued":
    case "planning":
    case "running":
    case "paused":
      return { new: "Being added", update: "Being updated", departure: "Leaving scope (managed tags being removed)" };
    case "succeeded":
      if (run.failed === 0) return { new: "Added", update: "Updated", departure: "Left scope (managed tags removed)" };
      return planned(`${run.failed} of the run's records failed and will be retried`);
    case "cancelled":
      return planned("the run was cancelled, so some may not have been sent");
    case "failed":
      return planned("the run failed, so some may not have been sent");
  }
}

function planned(why: string): SampleHeadings {
  return { new: `Planned to be added (${why})`, update: `Planned to be updated (${why})`, departure: `Planned to leave scope (${why})` };
}

/** Why a run shows no batches: only a finished real run may say nothing needed sending. */
export function noBatchesText(run: RunState): string {
  if (run.dryRun) return "A dry run sends nothing.";
  switch (run.status) {
    case "queued":
      return "Not planned yet: the run is waiting for a worker to pick it up.";
    case "planning":
      return "Planning: batches appear here as the plan writes them.";
    case "running":
    case "paused":
      return "No batch has been written yet.";
    case "succeeded":
      return "No batches: nothing needed sending.";
    case "cancelled":
      return "Cancelled before any batch was written.";
    case "failed":
      return "Failed before any batch was written.";
  }
}
