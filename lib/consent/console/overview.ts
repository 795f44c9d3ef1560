import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listConsentDrift } from "./drift";

const LIST = 50;

/** Everything the Consent page shows, from Postgres alone. */
export async function loadConsentOverview(prisma: PrismaClient) {
  const [drift, pending, failed, refused, emailChanges, events, approvals, recordAudiences, eventAudiences] = await Promise.all([
    listConsentDrift(prisma),
    prisma.consentWriteback.findMany({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, take: LIST, include: { approval: true } }),
    prisma.consentWriteback.findMany({ where: { status: "failed" }, orderBy: { id: "desc" }, take: LIST }),
    prisma.syncException.findMany({ where: { kind: "consent_refused", status: "open" }, orderBy: { lastSeenAt: "desc" }, take: LIST }),
    prisma.syncException.findMany({ where: { kind: "email_changed_in_mailchimp", status: "open" }, orderBy: { lastSeenAt: "desc" }, take: LIST }),
    prisma.mailchimpWebhookEvent.findMany({ orderBy: { id: "desc" }, take: LIST }),
    prisma.consentApproval.findMany({ where: { status: "pending" }, orderBy: { requestedAt: "asc" } }),
    prisma.syncRecord.findMany({ distinct: ["audienceId"], select: { audienceId: true } }),
    // Not the lists of ignored events: anyone holding the webhook path can name any list (issue 15).
    prisma.mailchimpWebhookEvent.findMany({ distinct: ["listId"], where: { status: { not: "ignored" } }, select: { listId: true } }),
  ]);
  const known = await prisma.syncRecord.findMany({
    where: { OR: events.filter((e) => e.email).map((e) => ({ audienceId: e.listId, email: e.email as string })) },
    select: { audienceId: true, email: true },
  });
  const knownKeys = new Set(known.map((k) => `${k.audienceId} ${k.email}`));
  const audiences = [...new Set([...recordAudiences.map((a) => a.audienceId), ...eventAudiences.map((a) => a.listId)])].sort();
  const counts = (await prisma.consentWriteback.groupBy({ by: ["status"], _count: { _all: true } })).reduce<Record<string, number>>(
    (acc, g) => ({ ...acc, [g.status]: g._count._all }),
    {},
  );
  return {
    audiences,
    drift,
    pending,
    failed,
    refused,
    emailChanges,
    approvals,
    counts,
    events: events.map((e) => ({ ...e, knownToEngine: e.email !== null && knownKeys.has(`${e.listId} ${e.email}`) })),
  };
}

export type ConsentOverview = Awaited<ReturnType<typeof loadConsentOverview>>;
