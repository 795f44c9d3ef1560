import { describe, expect, it } from "vitest";
import { ALERT_KIND_NAMES, ALERT_KINDS, runbookAnchor } from "@/lib/alerts/kinds";
import { EXCEPTION_KIND_NAMES, EXCEPTION_KINDS, exceptionAnchor } from "@/lib/console/exceptions/kinds";
import { readRunbookHtml, readRunbookMarkdown, runbookEntries } from "@/lib/console/read-runbook";

/** Every alert and every exception links to its runbook entry, and neither kind may be without one. */
// The entries live in docs/runbook.md, the operating reference kept in the repository.
const entries = runbookEntries(await readRunbookMarkdown());

describe("runbook coverage", () => {
  it.each(ALERT_KIND_NAMES)("alert kind %s has a runbook entry in docs/runbook.md with its owner, what it means and steps", (kind) => {
    expect(entries[kind], `docs/runbook.md has no "### <title> (\`${kind}\`)" entry`).toBeDefined();
    expect(entries[kind]).toMatchObject({ title: ALERT_KINDS[kind].title, owner: ALERT_KINDS[kind].team, severity: ALERT_KINDS[kind].severity });
    expect(entries[kind]?.means.length).toBeGreaterThan(20);
    expect(entries[kind]?.steps.length).toBeGreaterThan(0);
  });

  it("has no entry for a kind that does not exist, and anchors do not collide", () => {
    expect(Object.keys(entries).sort()).toEqual([...ALERT_KIND_NAMES, ...EXCEPTION_KIND_NAMES].sort());
    expect(new Set(ALERT_KIND_NAMES.map(runbookAnchor)).size).toBe(ALERT_KIND_NAMES.length);
  });

  it("renders each alert entry as a section under the anchor its alerts link to", async () => {
    const html = await readRunbookHtml();
    for (const kind of ALERT_KIND_NAMES) expect(html, kind).toContain(`<section id="${runbookAnchor(kind)}" class="runbook-entry"><h3>${ALERT_KINDS[kind].title}`);
  });

  it.each(EXCEPTION_KIND_NAMES)("exception kind %s has a runbook entry in docs/runbook.md under its card's title, owned by ops, with what it means and steps", (kind) => {
    expect(entries[kind], `docs/runbook.md has no "### <title> (\`${kind}\`)" entry`).toBeDefined();
    expect(entries[kind]).toMatchObject({ title: EXCEPTION_KINDS[kind].title, owner: "ops" });
    expect(entries[kind]?.means.length).toBeGreaterThan(20);
    expect(entries[kind]?.steps.length).toBeGreaterThan(0);
    // The card's one-line fix, shown where the exception is handled.
    expect(EXCEPTION_KINDS[kind].fix.length).toBeGreaterThan(20);
  });

  it("renders each exception entry as a section under the anchor its exceptions link to, each its own", async () => {
    const html = await readRunbookHtml();
    for (const kind of EXCEPTION_KIND_NAMES) expect(html, kind).toContain(`<section id="${exceptionAnchor(kind)}" class="runbook-entry"><h3>${EXCEPTION_KINDS[kind].title}`);
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
