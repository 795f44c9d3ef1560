import { z } from "zod";
import { ALERT_KIND_NAMES, TEAMS } from "./kinds";

/**
 * policy.alerts: the thresholds the evaluators judge by and who owns which kind. Defaults are what a small
 * business can live with; every field is optional in a saved policy.
 */
export const alertsPolicySchema = z
  .strictObject({
    /** A planning or running run whose heartbeat is older than this is stalled. */
    stalledMinutes: z.number().int().min(1).max(1440).default(15),
    /** New exceptions in a run, as a share of the records it considered, above which exceptions are spiking. */
    exceptionSpikeRate: z.number().min(0).max(1).default(0.05),
    /** ...and at least this many new ones (a handful on a small run is not a spike). */
    exceptionSpikeMin: z.number().int().min(1).default(10),
    /** Mailchimp throttles (429) one run may meet before it is an alert. */
    throttlesPerRun: z.number().int().min(1).default(25),
    /** Share of a run's records Mailchimp rejected or failed, above which Mailchimp errors are an alert. */
    errorRate: z.number().min(0).max(1).default(0.05),
    /** ...or retried transient failures (5xx, resets) in one run. */
    retriesPerRun: z.number().int().min(1).default(50),
    /** The oldest Odoo change not yet in Mailchimp (reconciliation's lag) may be this old. */
    lagMinutes: z.number().int().min(1).default(180),
    /** An e-commerce store may stay in is_syncing this long with no commerce step running (a step that died left it on). */
    storeSyncingMinutes: z.number().int().min(1).max(1440).default(30),
    /** Kind -> owning team, overriding lib/alerts/kinds.ts. */
    owners: z.partialRecord(z.enum(ALERT_KIND_NAMES as [string, ...string[]]), z.enum(TEAMS)).default({}),
  })
  .prefault({});

export type AlertsPolicy = z.output<typeof alertsPolicySchema>;
export const DEFAULT_ALERTS_POLICY: AlertsPolicy = alertsPolicySchema.parse(undefined);
