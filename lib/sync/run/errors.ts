/** Typed refusals callers map to exit codes and HTTP statuses. */
export class RunConflictError extends Error {
  override name = "RunConflictError";
  constructor(readonly activeRunId: string, readonly activeStatus: string) {
    super(`Another sync run is already ${activeStatus} (${activeRunId})`);
  }
}

export class RunNotFoundError extends Error {
  override name = "RunNotFoundError";
  constructor(readonly runId: string) {
    super(`Sync run ${runId} does not exist`);
  }
}

export class RunStateError extends Error {
  override name = "RunStateError";
  constructor(readonly runId: string, readonly status: string, action: string) {
    super(`Cannot ${action} run ${runId}: it is ${status}`);
  }
}

/** Planning cannot start: the run fails with this message instead of being retried. */
export class PlanRefusedError extends Error {
  override name = "PlanRefusedError";
}

export const NO_POLICY_MESSAGE = "No sync policy saved yet";
