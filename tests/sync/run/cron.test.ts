import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/cron/sync/route";
import { getEnv } from "@/lib/env";
import { handleCronRequest, type CronDeps } from "@/lib/sync/run/cron";
import { useTestDatabase } from "@/tests/helpers/db";
import { recordingQueue } from "./helpers";

/** POST /api/cron/sync: bearer CRON_SECRET, fail closed, 409 on overlap, 202 {runId}. */
const db = await useTestDatabase();
const queue = recordingQueue();
const deps = (secret: string | undefined): CronDeps => ({ secret, prisma: () => db.prisma, queue: async () => queue });
const post = (auth?: string, body?: string) =>
  new Request("http://localhost/api/cron/sync", { method: "POST", headers: auth ? { authorization: auth } : {}, ...(body === undefined ? {} : { body }) });

beforeEach(async () => {
  await db.prisma.syncRun.deleteMany({});
});

describe("cron route", () => {
  it("the route itself refuses everything while CRON_SECRET is unset", async () => {
    expect(getEnv().CRON_SECRET).toBeUndefined();
    const res = await POST(post("Bearer anything"));
    expect(res.status).toBe(503);
  });

  it("refuses when the secret is unset, whatever the caller sends", async () => {
    expect((await handleCronRequest(post("Bearer "), deps(undefined))).status).toBe(503);
    expect(await db.prisma.syncRun.count()).toBe(0);
  });

  it("answers 401 to a missing or wrong secret", async () => {
    expect((await handleCronRequest(post(), deps("s3cret-value"))).status).toBe(401);
    expect((await handleCronRequest(post("Bearer s3cret-valuE"), deps("s3cret-value"))).status).toBe(401);
    expect((await handleCronRequest(post("Basic s3cret-value"), deps("s3cret-value"))).status).toBe(401);
    expect(await db.prisma.syncRun.count()).toBe(0);
  });

  it("starts an incremental run with the right secret (202), a full one on request, and 409 while one is active", async () => {
    const res = await handleCronRequest(post("Bearer s3cret-value"), deps("s3cret-value"));
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    expect(await db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ mode: "incremental", trigger: "cron", status: "queued" });
    expect(queue.plans).toContain(runId);
    const overlap = await handleCronRequest(post("Bearer s3cret-value", JSON.stringify({ mode: "full" })), deps("s3cret-value"));
    expect(overlap.status).toBe(409);
    await db.prisma.syncRun.deleteMany({});
    const full = await handleCronRequest(post("Bearer s3cret-value", JSON.stringify({ mode: "full" })), deps("s3cret-value"));
    expect(full.status).toBe(202);
    const bad = await handleCronRequest(post("Bearer s3cret-value", "{\"mode\":\"everything\"}"), deps("s3cret-value"));
    expect(bad.status).toBe(400);
  });

  it("refuses a body over 1 KB with 413 before reading the rest, and starts nothing (issue 15)", async () => {
    const huge = JSON.stringify({ mode: "full", pad: "x".repeat(5000) });
    expect((await handleCronRequest(post("Bearer s3cret-value", huge), deps("s3cret-value"))).status).toBe(413);
    expect(await db.prisma.syncRun.count()).toBe(0);
  });
});
