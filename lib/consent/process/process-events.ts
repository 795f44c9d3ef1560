import { nowOf, settingsOf, type ConsentDeps } from "../types";
import { loadManagedAudiences, unmanagedListReason } from "../webhook/managed-audiences";
import { applyEvent } from "./apply-event";

export interface ProcessSummary {
  claimed: number;
  processed: number;
  ignored: number;
  failed: number;
}

/** An event whose processing throws this often is parked as failed: it is a bug or bad data, not bad luck. */
export const MAX_EVENT_ATTEMPTS = 3;

/**
 * Applies up to `limit` received events, each in its own transaction, claimed with FOR UPDATE SKIP LOCKED so
 * any number of workers can run this at once without applying an event twice. Safe to call as a queue job.
 */
export async function processWebhookEvents(
  deps: Pick<ConsentDeps, "prisma" | "settings" | "now">,
  opts: { limit?: number } = {},
): Promise<ProcessSummary> {
  const limit = opts.limit ?? 100;
  const settings = settingsOf(deps);
  const summary: ProcessSummary = { claimed: 0, processed: 0, ignored: 0, failed: 0 };
  const skip: bigint[] = [];
  // Checked again here, not only on receipt: the policy may have dropped the audience since the event arrived.
  const managed = await loadManagedAudiences(deps.prisma);
  while (summary.claimed < limit) {
    let claimedId: bigint | null = null;
    try {
      const outcome = await deps.prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
          SELECT id FROM mailchimp_webhook_events
          WHERE status = 'received' AND NOT (id = ANY(${skip}::bigint[]))
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`;
        const id = rows[0]?.id;
        if (id === undefined) return null;
        claimedId = id;
        const row = await tx.mailchimpWebhookEvent.findUniqueOrThrow({ where: { id } });
        const ignoredReason = managed.has(row.listId) ? null : unmanagedListReason(row.listId);
        const result = ignoredReason === null ? await applyEvent(tx, row, settings) : "ignored";
        await tx.mailchimpWebhookEvent.update({
          where: { id },
          data: { status: result, attempts: { increment: 1 }, processedAt: nowOf(deps), error: null, ...(ignoredReason ? { ignoredReason } : {}) },
        });
        return result;
      });
      if (outcome === null) break;
      summary.claimed += 1;
      summary[outcome] += 1;
    } catch (error) {
      if (claimedId === null) throw error;
      summary.claimed += 1;
      summary.failed += 1;
      skip.push(claimedId);
      await recordFailure(deps, claimedId, error);
    }
  }
  return summary;
}

async function recordFailure(deps: Pick<ConsentDeps, "prisma">, id: bigint, error: unknown): Promise<void> {
  const row = await deps.prisma.mailchimpWebhookEvent.update({
    where: { id },
    data: { attempts: { increment: 1 }, error: error instanceof Error ? error.message : String(error) },
  });
  if (row.attempts >= MAX_EVENT_ATTEMPTS) {
    await deps.prisma.mailchimpWebhookEvent.update({ where: { id }, data: { status: "failed" } });
  }
}
