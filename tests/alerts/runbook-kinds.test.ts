import { describe, expect, it } from "vitest";
import { ALERT_KIND_NAMES, ALERT_KINDS, runbookAnchor } from "@/lib/alerts/kinds";
import { ALERT_RUNBOOK } from "@/lib/console/runbook";
import { EXCEPTION_KIND_NAMES, EXCEPTION_KINDS, exceptionAnchor } from "@/lib/console/exceptions/kinds";
import { readRunbookHtml } from "@/lib/console/read-runbook";

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

  it.each(EXCEPTION_KIND_NAMES)("exception kind %s says what it is and how to fix it", (kind) => {
    expect(EXCEPTION_KINDS[kind]?.title).toBeTruthy();
    expect(EXCEPTION_KINDS[kind]?.fix.length).toBeGreaterThan(20);
  });

  it("gives every exception kind its own anchor", () => {
    expect(new Set(EXCEPTION_KIND_NAMES.map(exceptionAnchor)).size).toBe(EXCEPTION_KIND_NAMES.length);
  });

  it("keeps the operating reference in docs/runbook.md with every section handover needs, linkable by heading", async () => {
    const html = await readRunbookHtml();
    for (const id of ["where-each-kind-of-record-comes-from", "how-data-moves", "who-owns-what", "daily-checks-ops-about-five-minutes", "weekly-checks",
      "rotating-keys-and-secrets", "restoring-after-a-failure"]) {
      expect(html, id).toContain(`id="${id}"`);
    }
    expect(html).toContain("<table>");
  });
});
