import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditReport } from "./types";

/** The latest saved audit, whoever started it (the console's job or `npm run audit`). */
export async function readLatestReport(prisma: PrismaClient): Promise<{ id: bigint; trigger: string; createdAt: Date; report: AuditReport } | null> {
  const row = await prisma.auditReport.findFirst({ orderBy: { id: "desc" } });
  return row ? { id: row.id, trigger: row.trigger, createdAt: row.createdAt, report: row.report as unknown as AuditReport } : null;
}
