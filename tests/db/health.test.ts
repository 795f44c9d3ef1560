import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/errors";
import { createPrisma } from "@/lib/db/client";
import { checkDatabase, describeDatabaseError, isDatabaseUnavailable } from "@/lib/db/health";

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
  it("falls back from an empty message to the code, the first inner error, then the name", () => {
    const refused = Object.assign(new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })], ""), {});
    expect(describeDatabaseError(refused)).toBe("connect ECONNREFUSED ::1:5432");
    expect(describeDatabaseError(Object.assign(new Error(""), { code: "ECONNRESET" }))).toBe("ECONNRESET");
    expect(describeDatabaseError(new TypeError(""))).toBe("TypeError");
    expect(describeDatabaseError("weird")).toBe("unreachable");
    expect(describeDatabaseError(new Error("first line\nsecond"))).toBe("first line");
  });
});
