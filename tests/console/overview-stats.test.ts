import { expect, it } from "vitest";
import { overviewStats } from "@/lib/console/overview-stats";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase({ asProcessDefault: true });

it("counts, per audience, the open exceptions that name it, also for an audience with nothing synced yet", async () => {
  const record = (email: string, lastStatus: "synced" | "exception") => ({ audienceId: "aud-a", email, partnerIds: [1], lastStatus });
  await prisma.syncRecord.createMany({ data: [record("a@shop.io", "synced"), record("b@shop.io", "synced"), record("c@shop.io", "exception")] });
  await prisma.syncException.createMany({
    data: [
      { kind: "mailchimp_rejected", fingerprint: "mailchimp_rejected:aud-a:c@shop.io", audienceId: "aud-a", email: "c@shop.io", partnerIds: [3] },
      { kind: "duplicate_email", fingerprint: "duplicate_email|aud-a|info@shop.io", audienceId: "aud-a", email: "info@shop.io", partnerIds: [4, 5] },
      { kind: "staff_email", fingerprint: "staff_email|aud-b|sam@shop.io", audienceId: "aud-b", email: "sam@shop.io", partnerIds: [6, 7] },
      { kind: "duplicate_email", fingerprint: "duplicate_email|aud-a|old@shop.io", audienceId: "aud-a", email: "old@shop.io", partnerIds: [8, 9], status: "resolved" },
      { kind: "missing_email", fingerprint: "missing_email||partner:10", partnerIds: [10] },
    ],
  });
  const stats = await overviewStats();
  expect(stats.audiences).toEqual([
    { audienceId: "aud-a", synced: 2, failed: 0, exception: 2, excluded: 0, unsubscribedOrCleaned: 0 },
    { audienceId: "aud-b", synced: 0, failed: 0, exception: 1, excluded: 0, unsubscribedOrCleaned: 0 },
  ]);
  expect(stats.openExceptions).toBe(4);
});

it("reports the last real run, not a later dry run", async () => {
  const real = await prisma.syncRun.create({ data: { mode: "full", trigger: "test", status: "succeeded", createdAt: new Date("2026-11-01T00:00:00Z") } });
  await prisma.syncRun.create({ data: { mode: "full", trigger: "test", status: "succeeded", dryRun: true, createdAt: new Date("2026-11-02T00:00:00Z") } });
  expect((await overviewStats()).lastRun?.id).toBe(real.id);
});
