import { pollAudienceConsent, runConsentProcessor } from "@/lib/consent";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getActivePolicy } from "@/lib/sync/policy";
import type { Runtime } from "./runtime";

export interface ConsentLoopOptions {
  /** How often every routed audience is polled for consent changes a lost webhook would hide. */
  pollEveryMs: number;
  /** This worker's id (liveness): write-backs it claims are released at once if it dies. */
  leaseHolder?: string;
}

/**
 * Consent flow-back inside a worker: stored webhook events and polled changes become Odoo write-backs
 * (lib/consent), and each routed audience is polled on a timer at consent priority, which the governor serves
 * before incremental and backfill work.
 */
export function startConsentLoop(rt: Runtime, options: ConsentLoopOptions): { stop(): Promise<void> } {
  const abort = new AbortController();
  const prisma = rt.prisma as PrismaClient;
  const loadSettings = async () => {
    const consent = (await getActivePolicy(prisma))?.policy.consent;
    return consent ? { approvalThreshold: consent.approvalThreshold, approvalWindowMinutes: consent.approvalWindowMinutes } : {};
  };
  const processing = runConsentProcessor({ prisma, odoo: rt.odoo, loadSettings, ...(options.leaseHolder ? { leaseHolder: options.leaseHolder } : {}) }, { signal: abort.signal });
  const mailchimp = rt.mailchimp.withPriority("consent");
  let polling: Promise<void> = Promise.resolve();
  const pollAll = async () => {
    const active = await getActivePolicy(prisma);
    const audiences = [...new Set(active?.policy.routing.rules.map((r) => r.audienceId) ?? [])];
    for (const audienceId of audiences) {
      if (abort.signal.aborted) return;
      const summary = await pollAudienceConsent({ prisma, mailchimp }, audienceId);
      if (summary.eventsCreated > 0) rt.log.info({ ...summary }, "consent poll found changes");
    }
  };
  const timer = setInterval(() => {
    polling = polling.then(pollAll).catch((err: unknown) => rt.log.error({ err }, "consent poll failed"));
  }, options.pollEveryMs);
  return {
    async stop() {
      clearInterval(timer);
      abort.abort();
      await Promise.all([processing, polling]);
    },
  };
}
