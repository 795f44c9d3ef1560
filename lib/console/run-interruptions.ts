import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * What a run sat through (issue 15), for its page: the database outages its workers recorded when they started
 * over (summary.databaseOutages, lib/sync/run/liveness/supervise-worker.ts) and the jobs taken over from workers
 * that died (sync_job_handoffs). Neither changes the outcome; both explain a run that took longer than usual.
 */
export interface RunInterruptions {
  outages: Array<{ from: string; to: string; seconds: number }>;
  handoffs: number;
}

export async function loadRunInterruptions(prisma: PrismaClient, run: { id: string; summary: unknown }): Promise<RunInterruptions> {
  const raw = (run.summary as { databaseOutages?: unknown } | null)?.databaseOutages;
  const outages = Array.isArray(raw) ? raw.filter((o): o is RunInterruptions["outages"][number] => typeof o?.seconds === "number" && typeof o?.from === "string") : [];
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM sync_job_handoffs WHERE data->>'runId' = ${run.id}`;
  return { outages, handoffs: row?.n ?? 0 };
}

/** One sentence per kind of interruption; null when the run had none. */
export function describeInterruptions(i: RunInterruptions): string | null {
  const parts: string[] = [];
  if (i.outages.length > 0) {
    const seconds = i.outages.reduce((s, o) => s + o.seconds, 0);
    const times = i.outages.length === 1 ? "once" : `${i.outages.length} times`;
    parts.push(`The database was unavailable ${times} during this run (${seconds.toFixed(1)} s in all): the workers paused and carried on when it was back.`);
  }
  if (i.handoffs > 0) {
    parts.push(`${i.handoffs} ${i.handoffs === 1 ? "job was" : "jobs were"} taken over from workers that stopped responding.`);
  }
  return parts.length > 0 ? parts.join(" ") : null;
}
