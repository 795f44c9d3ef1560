import { describe, expect, it } from "vitest";
import { buildFinding } from "./build-finding";
import { redactReport } from "./redact-report";
import type { AuditReport } from "./types";

const report: AuditReport = {
  generatedAt: "2026-11-30T10:00:00.000Z", policyVersion: 3, read: { partners: 2 },
  sides: { odoo: { checked: true }, mailchimp: { checked: true } },
  findings: [buildFinding("invalid_email", { count: 12, severity: "warning", examples: [{ label: "partner 7", partnerIds: [7], name: "Toni Jimenez", email: "a@b", detail: "malformed domain" }] })],
};

describe("redactReport", () => {
  it("keeps emails and names for ops and admins", () => {
    for (const role of ["ops", "admin"] as const) expect(redactReport(report, role)).toEqual(report);
  });

  it("gives marketing and finance the counts, ids, details and fixes, and nobody's email or name", () => {
    for (const role of ["marketing", "finance"] as const) {
      const seen = redactReport(report, role);
      expect(seen.findings[0]).toMatchObject({ count: 12, severity: "warning", fix: report.findings[0]!.fix });
      expect(seen.findings[0]!.examples).toEqual([{ label: "partner 7", partnerIds: [7], detail: "malformed domain" }]);
      expect(JSON.stringify(seen)).not.toMatch(/a@b|Toni/);
    }
  });

  it("reports nothing found as ok, whatever severity it would have had, and keeps ten examples at most", () => {
    expect(buildFinding("webhook_echo", { count: 0, severity: "critical" }).severity).toBe("ok");
    const many = Array.from({ length: 25 }, (_, i) => ({ label: `partner ${i}` }));
    expect(buildFinding("missing_email", { count: 25, severity: "warning", examples: many }).examples).toHaveLength(10);
  });
});
