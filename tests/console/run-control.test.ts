import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { controlRunFromConsole, startRunFromConsole } from "@/lib/console/run-control";
import { resetEnvCache } from "@/lib/env";
import { useTestDatabase } from "../helpers/db";

const { prisma, url } = await useTestDatabase({ asProcessDefault: true });
// The console's job sender connects to DATABASE_URL, as it does in the app.
process.env.DATABASE_URL = url;
resetEnvCache();

describe("run control from the console", () => {
  it("queues a run with its plan job, refuses a second one, and cancels it; every step audited", async () => {
    const admin = await createUser(prisma, { email: "a@x.test", name: "A", role: "admin" });
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };

    const { runId } = await startRunFromConsole({ mode: "incremental", dryRun: false }, actor);
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "queued", trigger: "console", requestedById: admin.id, mode: "incremental" });
    const jobs = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'sync.plan'`;
    expect(Number(jobs[0]?.n)).toBe(1);

    await expect(startRunFromConsole({ mode: "full", dryRun: false }, actor)).rejects.toMatchObject({ status: 409 });
    await expect(controlRunFromConsole({ runId, action: "pause" }, actor)).rejects.toMatchObject({ status: 409 });

    await controlRunFromConsole({ runId, action: "cancel" }, actor);
    expect((await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("cancelled");
    const actions = (await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["run.requested", "run.cancelled"]);
  });
});
