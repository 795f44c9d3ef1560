import { describe, expect, it } from "vitest";
import { DEFAULT_ALERTS_POLICY } from "../policy-schema";
import { decideRunAlerts, type EndedRun } from "./decide-run-alerts";
import { decideLagAlert } from "./decide-lag-alert";
import { decideConsentAlerts } from "./decide-consent-alerts";

const now = new Date("2026-11-30T12:00:00Z");
const policy = DEFAULT_ALERTS_POLICY;
const run = (o: Partial<EndedRun> = {}): EndedRun => ({
  id: "00000000-0000-4000-8000-000000000001", mode: "incremental", status: "succeeded", error: null, considered: 1000, newExceptions: 0,
  hadPrevious: true, sent: 100, failed: 0, throttles: 0, retries: 0, ...o,
});
const kinds = (latest: EndedRun | null, active: Parameters<typeof decideRunAlerts>[0]["active"] = []) =>
  decideRunAlerts({ latest, active }, policy, now).map((c) => `${c.kind}:${c.subject}`);

describe("decideRunAlerts", () => {
  it("a healthy run raises nothing", () => expect(kinds(run())).toEqual([]));
  it("a failed run is one alert on the sync, whatever the run", () => expect(kinds(run({ status: "failed", error: "boom" }))).toEqual(["run_failed:sync"]));
  it("stalled after stalledMinutes without a sign of life, per run", () => {
    const at = (min: number) => new Date(now.getTime() - min * 60_000);
    expect(kinds(null, [{ id: "a", status: "running", aliveAt: at(14) }, { id: "b", status: "queued", aliveAt: at(15) }])).toEqual(["run_stalled:b"]);
  });
  it("a spike needs both the rate and the minimum, and a previous run", () => {
    expect(kinds(run({ newExceptions: 51 }))).toEqual(["exceptions_spike:sync"]);
    expect(kinds(run({ newExceptions: 50 }))).toEqual([]);
    expect(kinds(run({ newExceptions: 9, considered: 20 }))).toEqual([]);
    expect(kinds(run({ newExceptions: 500, hadPrevious: false }))).toEqual([]);
  });
  it("throttles at the threshold, errors above the rate or retries at theirs", () => {
    expect(kinds(run({ throttles: 25 }))).toEqual(["mailchimp_throttled:sync"]);
    expect(kinds(run({ throttles: 24 }))).toEqual([]);
    expect(kinds(run({ sent: 90, failed: 10 }))).toEqual(["mailchimp_errors:sync"]);
    expect(kinds(run({ sent: 95, failed: 5 }))).toEqual([]);
    expect(kinds(run({ retries: 50 }))).toEqual(["mailchimp_errors:sync"]);
  });
});

describe("decideLagAlert and decideConsentAlerts", () => {
  it("lag above lagMinutes only", () => {
    expect(decideLagAlert(null, policy, now)).toEqual([]);
    expect(decideLagAlert(new Date(now.getTime() - 180 * 60_000), policy, now)).toEqual([]);
    expect(decideLagAlert(new Date(now.getTime() - 181 * 60_000), policy, now).map((c) => c.kind)).toEqual(["lag_high"]);
  });
  it("failing write-backs and waiting approvals", () => {
    expect(decideConsentAlerts({ failing: 0, lastError: null, waitingApprovals: 0, waitingPeople: 0 })).toEqual([]);
    expect(decideConsentAlerts({ failing: 2, lastError: "x", waitingApprovals: 1, waitingPeople: 60 }).map((c) => c.kind)).toEqual(["consent_writebacks_failed", "consent_approval_waiting"]);
  });
});
