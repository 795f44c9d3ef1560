import { getPrisma } from "@/lib/db/client";
import { eachPage } from "@/lib/console/each-page";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ExceptionFilter {
  status?: "open" | "resolved";
  kind?: string;
}

export async function listExceptions(filter: ExceptionFilter, limit = 200) {
  const prisma = getPrisma();
  const [rows, byKind, owners] = await Promise.all([
    exceptionRows(filter, limit),
    prisma.syncException.groupBy({ by: ["kind"], where: { status: filter.status ?? "open" }, _count: { _all: true } }),
    prisma.user.findMany({
      where: { active: true, role: { in: ["admin", "ops"] } },
      select: { id: true, name: true, email: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    rows,
    counts: Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])) as Record<string, number>,
    owners,
  };
}

/**
 * Every exception the filter selects, newest first, a page at a time (keyset on last_seen_at and id, which an index
 * serves in that order): the CSV export of a queue of 300k exceptions holds one page, and none is left out.
 */
export function eachException(filter: ExceptionFilter, pageSize = 1_000): AsyncIterable<ExceptionRow> {
  return eachPage((after) => exceptionRows(filter, pageSize, after), pageSize);
}

/** One page of exceptions in the queue's order, after `after` (a row of the previous page) when given. */
async function exceptionRows(filter: ExceptionFilter, take: number, after?: { lastSeenAt: Date; id: string }) {
  const prisma = getPrisma();
  const where: Prisma.SyncExceptionWhereInput = {
    status: filter.status ?? "open",
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(after ? { OR: [{ lastSeenAt: { lt: after.lastSeenAt } }, { lastSeenAt: after.lastSeenAt, id: { lt: BigInt(after.id) } }] } : {}),
  };
  const rows = await prisma.syncException.findMany({
    where,
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take,
    include: { comments: { orderBy: { createdAt: "asc" } } },
  });
  const people = [...new Set([...rows.map((r) => r.ownerId), ...rows.flatMap((r) => r.comments.map((c) => c.authorId))].filter((x): x is string => !!x))];
  const users = new Map((await prisma.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true, active: true, role: true } })).map((u) => [u.id, u]));
  const names = new Map([...users].map(([id, u]) => [id, u.name]));
  // An owner who can no longer own exceptions (deactivated, or no longer ops or admin) is a former owner.
  const owner = (id: string) => {
    const u = users.get(id);
    return u && u.active && (u.role === "admin" || u.role === "ops") ? u.name : "former user";
  };
  return rows.map((r) => ({
    ...r,
    id: r.id.toString(),
    ownerName: r.ownerId ? owner(r.ownerId) : null,
    comments: r.comments.map((c) => ({ id: c.id.toString(), body: c.body, at: c.createdAt, author: c.authorId ? (names.get(c.authorId) ?? "former user") : "system" })),
  }));
}

export type ExceptionRow = Awaited<ReturnType<typeof exceptionRows>>[number];
