import { resetEnvCache } from "@/lib/env";
import { createPrisma } from "@/lib/db/client";
import type { BenchArgs } from "../args";
import { startBenchDatabase } from "../database";
import type { TargetResult } from "../targets";
import { own } from "../tree";
import { measurePages, type PageLatency } from "./page-latency";
import { measureReadBack, type ReadBackMeasure } from "./read-back";
import { ISSUE_VOLUME, seedConsole } from "./seed-console";

export const PAGE_P95_MS = 300;
export const PAGE_REQUESTS = 50;
export const READ_BACK_RSS_MB = 300;

export interface ReconcileBenchResults {
  date: string;
  command: string;
  volume: typeof ISSUE_VOLUME;
  pages: PageLatency[];
  readBack: ReadBackMeasure;
  targets: TargetResult[];
  pass: boolean;
}

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

/**
 * `npm run bench -- --reconcile`: the console's page data at the issue's volume (1M sync records, 100k gaps, 1k
 * runs; p95 of 50 requests per page under 300 ms) and one read-back of a ~100k-member audience (at most
 * ceil(members/1000) + 10 Mailchimp requests, peak worker RSS under 300 MB). Separate from the default bench,
 * which it would slow by minutes.
 */
export async function runReconcileBench(args: BenchArgs, command: string): Promise<ReconcileBenchResults> {
  const db = await startBenchDatabase(process.env.DATABASE_URL);
  const seedPrisma = createPrisma(db.url);
  own("seed prisma", () => seedPrisma.$disconnect());
  log(`seeding the console's tables: ${JSON.stringify(ISSUE_VOLUME)}`);
  await seedConsole(seedPrisma, ISSUE_VOLUME, log);
  // The page loaders use the process' client (lib/db/client getPrisma), as the route handlers do.
  const serverUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = db.url;
  resetEnvCache();
  log(`measuring page data, ${PAGE_REQUESTS} requests each`);
  const pages = await measurePages(PAGE_REQUESTS);
  for (const p of pages) log(`  ${p.name}: p50 ${p.p50Ms} ms, p95 ${p.p95Ms} ms`);
  if (serverUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = serverUrl;
  resetEnvCache();
  const readBack = await measureReadBack(args, log);
  log(`  read-back: ${readBack.members} members, ${readBack.memberRequests} member pages, ${readBack.mailchimpRequests} requests, ${readBack.peakRssMb} MB, ${readBack.passSeconds.toFixed(1)} s`);
  const targets = reconcileTargets(pages, readBack);
  return { date: new Date().toISOString(), command, volume: ISSUE_VOLUME, pages, readBack, targets, pass: targets.every((t) => t.pass) };
}

/** Each target as a ratio of its bound (<= 1 passes), so results compare across machines. */
export function reconcileTargets(pages: PageLatency[], r: ReadBackMeasure): TargetResult[] {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const limit = Math.ceil(r.members / 1000) + 10;
  return [
    ...pages.map((p) => ({ name: `${p.name}: p95 < ${PAGE_P95_MS} ms`, pass: p.p95Ms < PAGE_P95_MS, actual: `${p.p95Ms} ms (${ratio(p.p95Ms, PAGE_P95_MS)})`, target: `< ${PAGE_P95_MS} ms` })),
    { name: "read-back: Mailchimp requests <= ceil(members/1000) + 10", pass: r.mailchimpRequests <= limit, actual: `${r.mailchimpRequests} for ${r.members} members (${ratio(r.mailchimpRequests, limit)})`, target: `<= ${limit}` },
    { name: `read-back: worker peak RSS < ${READ_BACK_RSS_MB} MB`, pass: r.peakRssMb < READ_BACK_RSS_MB, actual: `${r.peakRssMb} MB (${ratio(r.peakRssMb, READ_BACK_RSS_MB)})`, target: `< ${READ_BACK_RSS_MB} MB` },
  ];
}

export function renderReconcileTable(r: ReconcileBenchResults): string {
  const rows = r.targets.map((t) => `${t.pass ? "PASS" : "MISS"}  ${t.name.padEnd(72)} ${t.actual}`);
  return ["Reconciliation bench", ...rows].join("\n");
}
