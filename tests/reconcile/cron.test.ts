import { describe, expect, it } from "vitest";
import { handleReconcileCron } from "@/lib/reconcile/cron";
import { readBackAfterRuns } from "@/lib/reconcile/run/after-run";
import type { PassQueue } from "@/lib/reconcile/run/jobs";
import { useTestDatabase } from "@/tests/helpers/db";

// Who may start a read-back, and that one is never started twice at once.
const db = await useTestDatabase();
const sent: string[] = [];
const queue: PassQueue = { sendPass: async (id) => void sent.push(id) };
const call = (secret: string | undefined, auth?: string) =>
  handleReconcileCron(new Request("http://x/api/cron/reconcile", { method: "POST", headers: auth ? { authorization: auth } : {} }), { secret, prisma: () => db.prisma, queue: async () => queue });

describe("POST /api/cron/reconcile", () => {
  it("fails closed without CRON_SECRET and refuses a wrong bearer", async () => {
    expect((await call(undefined, "Bearer s3cret")).status).toBe(503);
    expect((await call("s3cret", "Bearer nope")).status).toBe(401);
    expect((await call("s3cret")).status).toBe(401);
    expect(sent).toEqual([]);
  });

  it("queues one pass, then hands back the active one instead of a second", async () => {
    const first = await call("s3cret", "Bearer s3cret");
    expect(first.status).toBe(202);
    const { passId } = (await first.json()) as { passId: string };
    const again = await call("s3cret", "Bearer s3cret");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ passId, created: false });
    expect(sent).toEqual([passId]);
  });

  it("reads back after successful full and repair runs only", async () => {
    await db.prisma.reconcilePass.updateMany({ data: { status: "succeeded" } });
    const run = (o: object) => db.prisma.syncRun.create({ data: { mode: "incremental", trigger: "test", status: "succeeded", ...o } });
    const listen = readBackAfterRuns(db.prisma, async () => queue);
    const before = sent.length;
    await listen((await run({})).id, "succeeded");
    await listen((await run({ mode: "full" })).id, "failed");
    await listen((await run({ mode: "full", dryRun: true })).id, "succeeded");
    expect(sent.length).toBe(before);
    await listen((await run({ scope: { emails: ["a@b.io"], partnerIds: [], reason: "repair" } })).id, "succeeded");
    expect(sent.length).toBe(before + 1);
    const pass = await db.prisma.reconcilePass.findUniqueOrThrow({ where: { id: sent.at(-1)! } });
    expect(pass).toMatchObject({ trigger: "after_run", status: "queued" });
  });
});
