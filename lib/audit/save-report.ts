import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditReport } from "./types";

/** Reports kept: enough to compare with last week's, small enough never to matter. */
const KEEP = 50;

export async function saveReport(prisma: PrismaClient, report: AuditReport, trigger: string): Promise<bigint> {
  const row = await prisma.auditReport.create({ data: { trigger, report: report as object }, select: { id: true } });
  const keepFrom = await prisma.auditReport.findMany({ orderBy: { id: "desc" }, skip: KEEP - 1, take: 1, select: { id: true } });
  if (keepFrom[0]) await prisma.auditReport.deleteMany({ where: { id: { lt: keepFrom[0].id } } });
  return row.id;
}
