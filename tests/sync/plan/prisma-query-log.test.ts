import { getLogs } from "@prisma/debug";
import { expect, it } from "vitest";
import { forgetPrismaQueryLog } from "@/lib/sync/plan/prisma-query-log";
import { useTestDatabase } from "@/tests/helpers/db";

const { prisma } = await useTestDatabase();

it("a bulk statement's parameters no longer stay in Prisma's debug history", async () => {
  const marker = `planner-page-${"x".repeat(64)}`;
  await prisma.$queryRawUnsafe("SELECT $1::text AS v", marker);
  expect(getLogs(1e9)).toContain(marker);
  forgetPrismaQueryLog();
  expect(getLogs(1e9)).not.toContain(marker);
});
