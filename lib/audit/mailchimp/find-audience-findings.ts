import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_MEMBERS_PAGE, type MailchimpClient } from "@/lib/mailchimp";
import type { AudienceLabel } from "../label-audiences";
import { buildFinding } from "../build-finding";
import type { Finding, FindingExample } from "../types";

// Shares of an audience above which a rate is a warning rather than information. Unsubscribes accumulate over an
// audience's life, so a tenth of it is where marketing should look at frequency and content; cleaned addresses
// are hard bounces, and Mailchimp itself starts to worry about deliverability at a few percent.
export const UNSUBSCRIBE_WARNING = 0.1;
export const CLEANED_WARNING = 0.05;

interface AudienceCounts {
  audienceId: string;
  total: number;
  unsubscribed: number;
  cleaned: number;
  unmanaged: number;
  unmanagedSample: string[];
}

/**
 * Every member of each routed audience, read a page of 1,000 at a time with two fields: statuses (unsubscribe and
 * cleaned rates, exact rather than Mailchimp's cached stats) and the members Bridgeline never planned or wrote
 * (no sync_records row for the audience and address: the reconciliation's "only in Mailchimp").
 */
export async function findAudienceFindings(prisma: PrismaClient, mailchimp: MailchimpClient, audienceIds: string[], label: AudienceLabel): Promise<{ findings: Finding[]; membersRead: number }> {
  const counts: AudienceCounts[] = [];
  let membersRead = 0;
  for (const audienceId of audienceIds) {
    const managed = new Set((await prisma.syncRecord.findMany({ where: { audienceId }, select: { email: true } })).map((r) => r.email));
    const c: AudienceCounts = { audienceId, total: 0, unsubscribed: 0, cleaned: 0, unmanaged: 0, unmanagedSample: [] };
    for await (const page of mailchimp.members.pages(audienceId, { count: MAX_MEMBERS_PAGE, fields: ["members.email_address", "members.status", "total_items"] })) {
      for (const m of page) {
        c.total++;
        if (m.status === "unsubscribed") c.unsubscribed++;
        if (m.status === "cleaned") c.cleaned++;
        const email = m.email_address.trim().toLowerCase();
        if (!managed.has(email)) {
          c.unmanaged++;
          if (c.unmanagedSample.length < 3) c.unmanagedSample.push(email);
        }
      }
    }
    membersRead += c.total;
    counts.push(c);
  }
  const rate = (n: number, total: number) => (total === 0 ? 0 : n / total);
  const pct = (n: number, total: number) => `${(rate(n, total) * 100).toFixed(1)}%`;
  const rateFinding = (kind: "unsubscribe_rate" | "cleaned_rate", pick: (c: AudienceCounts) => number, warnAt: number) => {
    const examples: FindingExample[] = counts.map((c) => ({ label: label(c.audienceId), detail: `${pick(c)} of ${c.total} members (${pct(pick(c), c.total)})` }));
    const worst = Math.max(0, ...counts.map((c) => rate(pick(c), c.total)));
    const perAudience = Object.fromEntries(counts.map((c) => [c.audienceId, { members: c.total, count: pick(c), rate: rate(pick(c), c.total) }]));
    return buildFinding(kind, { count: counts.reduce((n, c) => n + pick(c), 0), severity: worst > warnAt ? "warning" : "info", examples, facts: { perAudience, warnAbove: warnAt } });
  };
  const unmanagedExamples: FindingExample[] = counts.filter((c) => c.unmanaged > 0).flatMap((c) =>
    c.unmanagedSample.map((email) => ({ label: label(c.audienceId), email, detail: `one of ${c.unmanaged} in this audience` })));
  return {
    membersRead,
    findings: [
      rateFinding("unsubscribe_rate", (c) => c.unsubscribed, UNSUBSCRIBE_WARNING),
      rateFinding("cleaned_rate", (c) => c.cleaned, CLEANED_WARNING),
      buildFinding("unmanaged_members", {
        count: counts.reduce((n, c) => n + c.unmanaged, 0), severity: "info", examples: unmanagedExamples,
        facts: { perAudience: Object.fromEntries(counts.map((c) => [c.audienceId, c.unmanaged])) },
      }),
    ],
  };
}
