import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/errors";
import { createPrisma } from "@/lib/db/client";
import { checkDatabase, describeDatabaseError, isDatabaseUnavailable } from "@/lib/db/health";
import { startTcpProxy } from "@/tests/helpers/tcp-proxy";
import { useTestDatabase } from "@/tests/helpers/db";

describe("database health says why it is down (issue 15)", () => {
  it("names the cause when Postgres refuses connections, instead of an empty reason", async () => {
    const prisma = createPrisma("postgresql://postgres@127.0.0.1:1/nothing");
    try {
      const health = await checkDatabase({ prisma, timeoutMs: 5000 });
      expect(health.status).toBe("down");
      expect(health.error).toMatch(/^DatabaseNotReachable \(127\.0\.0\.1:1\)/);
      expect(health.error).not.toContain("postgres@");
      const error = await prisma.user.findFirst().then(() => undefined, (e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
      // Routes (e.g. /api/me) answer 503 with a reason, not 500, while Postgres is down.
      const res = errorResponse(error);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: "database_unavailable" } });
      expect(isDatabaseUnavailable(new Error("syntax error"))).toBe(false);
    } finally {
      await prisma.$disconnect();
    }
  });
  it("knows a session the network or the server ended mid-query (no code, only node-postgres' words)", async () => {
    const db = await useTestDatabase();
    const target = new URL(db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const prisma = createPrisma(proxy.url(db.url));
    try {
      const query = prisma.$queryRaw`SELECT pg_sleep(10)`.then(() => undefined, (e: unknown) => e);
      // The query is on the wire once its backend shows it.
      while ((await db.prisma.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(10)%'`).length === 0) await new Promise((r) => setTimeout(r, 20));
      await proxy.cut();
      const error = await query;
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/Connection terminated/);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await prisma.$disconnect().catch(() => undefined);
      await proxy.close();
    }
  });
  it("falls back from an empty message to the code, the first inner error, then the name", () => {
    const refused = Object.assign(new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })], ""), {});
    expect(describeDatabaseError(refused)).toBe("connect ECONNREFUSED ::1:5432");
    expect(describeDatabaseError(Object.assign(new Error(""), { code: "ECONNRESET" }))).toBe("ECONNRESET");
    expect(describeDatabaseError(new TypeError(""))).toBe("TypeError");
    expect(describeDatabaseError("weird")).toBe("unreachable");
    expect(describeDatabaseError(new Error("first line\nsecond"))).toBe("first line");
  });
});
