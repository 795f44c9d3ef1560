// Shared state of one generation run: the seeded rng, the fixed clock and id lookups.
import { Rng } from "../rng.js";
import type { Store } from "../store/store.js";

/** Generated history ends here, so data never depends on when it was generated. */
export const T0 = Date.UTC(2025, 0, 1) / 1000;
export const DAY = 86_400;

export interface Company { id: number; partnerId: number; currencyId: number; countryId: number; taxPct: number; lang: string }

export class Gen {
  readonly rng: Rng;
  companies: Company[] = [];
  staffUsers: number[] = [];
  products: { id: number; name: string; price: number }[] = [];
  tags: Record<string, number> = {};
  /** Partners that can place orders: [partner, invoice address, delivery address]. */
  buyers: [number, number, number][] = [];
  usedEmails: string[] = [];

  constructor(readonly store: Store, readonly size: number, seed: number, readonly orders = Math.round(size * 3)) {
    this.rng = new Rng(seed);
  }

  /** A moment in the three years before T0, in whole seconds. */
  past(maxDays = 3 * 365): number {
    return T0 - Math.floor(this.rng.next() * maxDays * DAY);
  }
}

const dates = new Map<number, string>();

/** "YYYY-MM-DD" of a moment; cached per day because generation formats millions of them. */
export function dateOf(seconds: number): string {
  const day = Math.floor(seconds / DAY);
  let s = dates.get(day);
  if (s === undefined) dates.set(day, (s = new Date(day * DAY * 1000).toISOString().slice(0, 10)));
  return s;
}
