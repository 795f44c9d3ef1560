import type { ExclusionReason } from "@/lib/sync/types";
import type { PlanProgress } from "./plan-progress";

export const SAMPLE_SIZE = 200;

export type SampleCategory = "new" | "update" | "unchanged" | "departure" | "excluded" | "exception";

/**
 * Counters and the first SAMPLE_SIZE examples of each category: the dry-run preview and the run summary.
 * Bounded whatever the number of partners.
 */
export class PlanTally {
  plannedNew = 0;
  plannedUpdate = 0;
  departures = 0;
  unchanged = 0;
  /** Refused by Mailchimp for good with this very payload: not sent again (plan/plan-group.ts). */
  refused = 0;
  /** Moved by Mailchimp to another address (upemail), awaiting ops in Odoo: never written to. */
  moved = 0;
  private read = 0;
  readonly excludedByReason: Partial<Record<ExclusionReason, number>> = {};
  readonly samples: Record<SampleCategory, Record<string, unknown>[]> = {
    new: [], update: [], unchanged: [], departure: [], excluded: [], exception: [],
  };

  /** Mirrors partnersRead into the run's live progress, when the runtime asked for it. */
  constructor(private readonly progress?: PlanProgress) {}

  get partnersRead(): number {
    return this.read;
  }

  set partnersRead(n: number) {
    this.read = n;
    if (this.progress) this.progress.partnersRead = n;
  }

  exclude(partnerId: number, reason: ExclusionReason, name: string | null): void {
    this.excludedByReason[reason] = (this.excludedByReason[reason] ?? 0) + 1;
    this.sample("excluded", { partnerId, name, reason });
  }

  get excluded(): number {
    return Object.values(this.excludedByReason).reduce((a, b) => a + b, 0);
  }

  sample(category: SampleCategory, item: Record<string, unknown>): void {
    const list = this.samples[category];
    if (list.length < SAMPLE_SIZE) list.push(item);
  }
}
