import { describe, expect, it } from "vitest";
import { ALERT_KIND_NAMES, ALERT_KINDS, runbookAnchor } from "@/lib/alerts/kinds";
import { ALERT_RUNBOOK } from "@/lib/console/runbook";
import { EXCEPTION_KINDS } from "@/lib/console/exceptions/kinds";

/** Every alert links to its runbook entry and every exception card explains its fix: neither may be missing. */
describe("runbook coverage", () => {
  it.each(ALERT_KIND_NAMES)("alert kind %s has a runbook entry with steps and a unique anchor", (kind) => {
    expect(ALERT_RUNBOOK[kind]?.means.length).toBeGreaterThan(20);
    expect(ALERT_RUNBOOK[kind]?.steps.length).toBeGreaterThan(0);
    expect(ALERT_KINDS[kind].title).not.toBe("");
  });

  it("has no entry for a kind that does not exist, and anchors do not collide", () => {
    expect(Object.keys(ALERT_RUNBOOK).sort()).toEqual([...ALERT_KIND_NAMES].sort());
    expect(new Set(ALERT_KIND_NAMES.map(runbookAnchor)).size).toBe(ALERT_KIND_NAMES.length);
  });

  it.each(Object.keys(EXCEPTION_KINDS))("exception kind %s says what it is and how to fix it", (kind) => {
    expect(EXCEPTION_KINDS[kind]?.title).toBeTruthy();
    expect(EXCEPTION_KINDS[kind]?.fix.length).toBeGreaterThan(20);
  });
});
