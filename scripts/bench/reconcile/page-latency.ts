import { overviewStats } from "@/lib/console/overview-stats";
import { audienceHealth } from "@/lib/console/reconcile/audience-health";
import { gapFilterSchema } from "@/lib/console/reconcile/gap-filter";
import { listGaps } from "@/lib/console/reconcile/list-gaps";
import { recordView } from "@/lib/console/reconcile/record-view";
import { reconcileSummary } from "@/lib/console/reconcile/summary";
import { listRevenue } from "@/lib/console/revenue/list-revenue";
import { revenueCellSchema, revenueFilterSchema } from "@/lib/console/revenue/revenue-filter";
import { revenueOrders } from "@/lib/console/revenue/revenue-orders";

export interface PageLatency {
  name: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
}

/** What each page asks the server for, as the route handlers call it. */
const PAGES: { name: string; load: (i: number) => Promise<unknown> }[] = [
  { name: "Overview: sync stats", load: () => overviewStats() },
  { name: "Overview: audience health", load: () => audienceHealth() },
  { name: "Reconciliation: summary", load: () => reconcileSummary() },
  { name: "Reconciliation: gaps, first page", load: () => listGaps(gapFilterSchema.parse({})) },
  { name: "Reconciliation: gaps by kind and audience, deep page", load: (i) => listGaps(gapFilterSchema.parse({ kind: "merge_drift", audience: "aud2", page: 40 + i })) },
  { name: "Reconciliation: gaps, email search", load: (i) => listGaps(gapFilterSchema.parse({ q: `user${1000 + i * 37}`, sort: "kind", dir: "desc" })) },
  { name: "Record view", load: (i) => recordView(`user${(i * 7919) % 100_000}@bench.example.org`) },
  { name: "Revenue: table and chart", load: (i) => listRevenue(revenueFilterSchema.parse({ sort: i % 2 ? "difference" : "month" })) },
  {
    name: "Revenue: drill-down to the orders of a month",
    load: (i) => {
      const at = new Date();
      at.setUTCMonth(at.getUTCMonth() - (i % 36), 1);
      return revenueOrders(revenueCellSchema.parse({ month: at.toISOString().slice(0, 7), company: String(1 + (i % 3)), currency: i % 3 === 2 ? "EUR" : "USD" }));
    },
  },
];

/** Sequential requests per page (the console serves one person at a time per page); p95 of the wall times. */
export async function measurePages(requests: number): Promise<PageLatency[]> {
  const out: PageLatency[] = [];
  for (const page of PAGES) {
    await page.load(0); // warm: the first call pays the connection and the query compiler
    const ms: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      await page.load(i);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] ?? 0;
    out.push({ name: page.name, requests, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)) });
  }
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;
