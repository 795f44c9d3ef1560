import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ExceptionFilter {
  status?: "open" | "resolved";
  kind?: string;
}

export async function listExceptions(filter: ExceptionFilter, limit = 200) {
  const where: Prisma.SyncExceptionWhereInput = { status: filter.status ?? "open", ...(filter.kind ? { kind: filter.kind } : {}) };
  const prisma = getPrisma();
  const [rows, byKind, owners] = await Promise.all([
    prisma.syncException.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
      take: limit,
      include: { comments: { orderBy: { createdAt: "asc" } } },
    }),
    prisma.syncException.groupBy({ by: ["kind"], where: { status: filter.status ?? "open" }, _count: { _all: true } }),
    prisma.user.findMany({
      where: { active: true, role: { in: ["admin", "ops"] } },
      select: { id: true, name: true, email: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const names = new Map(owners.map((o) => [o.id, o.name]));
  const commenters = await prisma.user.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => r.comments.map((c) => c.authorId)).filter((x): x is string => !!x))] } },
    select: { id: true, name: true },
  });
  for (const c of commenters) names.set(c.id, c.name);
  return {
    rows: rows.map((r) => ({
      ...r,
      id: r.id.toString(),
      ownerName: r.ownerId ? (names.get(r.ownerId) ?? "former user") : null,
      comments: r.comments.map((c) => ({ id: c.id.toString(), body: c.body, at: c.createdAt, author: c.authorId ? (names.get(c.authorId) ?? "former user") : "system" })),
    })),
    counts: Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])) as Record<string, number>,
    owners,
  };
}

export type ExceptionRow = Awaited<ReturnType<typeof listExceptions>>["rows"][number];
