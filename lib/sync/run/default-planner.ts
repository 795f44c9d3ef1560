import { planRun } from "@/lib/sync/plan/plan-run";
import { getActivePolicy, type Policy } from "@/lib/sync/policy";
import type { PlannerPort } from "./planner-port";

/** The real planner (lib/sync/plan) and policy store (lib/sync/policy). */
export const defaultPlanner: PlannerPort<Policy> = {
  getActivePolicy,
  planRun,
  audiencesOf: (policy) => [...new Set(policy.routing.rules.map((r) => r.audienceId))],
};
