import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ApprovalTable, WebhookAuditTable } from "@/components/consent/approvals-and-audit";
import { DriftTable, EventTable, WritebackTable } from "@/components/consent/consent-tables";
import { createUser } from "@/lib/auth/users";
import { decideApprovalFromConsole } from "@/lib/consent/console/decide-action";
import { loadConsentOverview } from "@/lib/consent/console/overview";
import { audienceNames } from "@/lib/console/audience-names";
import { savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "../helpers/db";

// What the Consent page reads, and a render check of its tables (the page itself needs a session).

const { prisma } = await useTestDatabase({ asProcessDefault: true });

describe("consent console data", () => {
  it("is honestly empty before anything happened", async () => {
    const data = await loadConsentOverview(prisma);
    expect(data).toMatchObject({ audiences: [], drift: [], pending: [], failed: [], events: [], approvals: [] });
    expect(renderToStaticMarkup(createElement(DriftTable, { rows: [], names: new Map() }))).toContain("Every unsubscribe and bounce");
  });

  it("shows drift, write-back state, unknown emails and approvals, and audits an admin's decision", async () => {
    await prisma.syncRecord.createMany({
      data: [
        { audienceId: "aud1", email: "eve@acme.io", partnerIds: [7], lastStatus: "synced", memberStatus: "unsubscribed" },
        { audienceId: "aud1", email: "ok@acme.io", partnerIds: [8], lastStatus: "synced", memberStatus: "subscribed" },
      ],
    });
    const event = await prisma.mailchimpWebhookEvent.create({
      data: { listId: "aud1", type: "unsubscribe", email: "stranger@else.io", payload: {}, dedupeKey: "k1", status: "processed" },
    });
    // An event from a list Bridgeline does not manage: stored as ignored, and the page says why (issue 15).
    await prisma.mailchimpWebhookEvent.create({
      data: { listId: "not-a-bridgeline-list", type: "unsubscribe", email: "victim@elsewhere.io", payload: {}, dedupeKey: "k2", status: "ignored", ignoredReason: "list not-a-bridgeline-list is not an audience of the active policy" },
    });
    const approval = await prisma.consentApproval.create({ data: { kind: "consent_writeback", count: 60, sample: [{ email: "stranger@else.io", action: "blacklist" }] } });
    await prisma.consentWriteback.create({
      data: { eventId: event.id, audienceId: "aud1", email: "eve@acme.io", action: "blacklist", target: "mail.blacklist", status: "failed", lastError: "OdooAccessError: no", approvalId: approval.id },
    });
    const data = await loadConsentOverview(prisma);
    expect(data.audiences).toEqual(["aud1"]);
    expect(data.drift).toMatchObject([{ email: "eve@acme.io", writeback: { status: "failed", lastError: "OdooAccessError: no" } }]);
    expect(data.events.find((e) => e.email === "stranger@else.io")).toMatchObject({ knownToEngine: false });

    const names = new Map([["aud1", "Shop North customers"]]);
    const tables = [
      renderToStaticMarkup(createElement(DriftTable, { rows: data.drift, names })),
      renderToStaticMarkup(createElement(WritebackTable, { title: "Failed", rows: data.failed, empty: "", names })),
      renderToStaticMarkup(createElement(EventTable, { rows: data.events, names })),
      renderToStaticMarkup(createElement(WebhookAuditTable, { audit: { checked: true, results: [{ audienceId: "aud1", status: "api_source_ticked", detail: "echo" }] }, names })),
    ];
    // Every table names the audience by its routing rules (the id stays beside it, for searching in Mailchimp).
    for (const table of tables) expect(table).toContain("Shop North customers");
    const html = tables.join("");
    expect(html).toContain("OdooAccessError: no");
    expect(html).toContain("not synced by Bridgeline");
    expect(html).toContain("api source ticked");
    expect(html).toMatch(/ignored.*list not-a-bridgeline-list is not an audience of the active policy/);
    expect(renderToStaticMarkup(createElement(ApprovalTable, { rows: data.approvals, canDecide: false }))).toContain("an admin decides");

    const admin = await createUser(prisma, { email: "ada@x.test", name: "Ada", role: "admin" });
    await decideApprovalFromConsole({ id: approval.id.toString(), decision: "rejected" }, { id: admin.id, email: admin.email, name: admin.name, role: "admin" });
    expect((await prisma.auditEvent.findFirstOrThrow()).action).toBe("consent.approval.rejected");
    await expect(decideApprovalFromConsole({ id: approval.id.toString(), decision: "approved" }, { id: admin.id, email: admin.email, name: admin.name, role: "admin" })).rejects.toThrow(/already decided/);
  });
});

describe("audience names", () => {
  it("are the names of the routing rules that send contacts to each audience", async () => {
    await savePolicy(prisma, { routing: { rules: [{ name: "North B2B", audienceId: "aud1", customerType: "b2b" }, { name: "North B2C", audienceId: "aud1" }, { name: "South", audienceId: "aud2" }] } });
    expect(await audienceNames()).toEqual(new Map([["aud1", "North B2B · North B2C"], ["aud2", "South"]]));
  });
});
