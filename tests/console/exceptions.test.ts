import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { eachException, listExceptions } from "@/lib/console/exceptions/list-exceptions";
import { eachAuditEvent } from "@/lib/console/list-audit-events";
import { eachRun } from "@/lib/console/list-runs";
import { assignException, commentOnException, resolveException } from "@/lib/console/exceptions/update-exception";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase({ asProcessDefault: true });

async function seed() {
  const ops = await createUser(prisma, { email: "ops@x.test", name: "Olga Ops", role: "ops" });
  const marketing = await createUser(prisma, { email: "mk@x.test", name: "Mark", role: "marketing" });
  const ex = await prisma.syncException.create({
    data: { kind: "duplicate_email", fingerprint: "dup:a1:info@acme.test", email: "info@acme.test", partnerIds: [7, 9], audienceId: "a1" },
  });
  const actor = { id: ops.id, email: ops.email, name: ops.name, role: ops.role };
  return { ops, marketing, id: ex.id.toString(), actor };
}

describe("exception queue", () => {
  it("assigns, comments, resolves and reopens, each audited", async () => {
    const { ops, id, actor } = await seed();
    await assignException({ id, ownerId: ops.id }, actor);
    await commentOnException({ id, body: "Asked sales which customer owns info@" }, actor);
    let list = await listExceptions({ status: "open" });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ ownerName: "Olga Ops", comments: [{ author: "Olga Ops" }] });
    expect(list.counts).toEqual({ duplicate_email: 1 });

    await resolveException({ id, resolved: true }, actor);
    list = await listExceptions({ status: "open" });
    expect(list.rows).toHaveLength(0);
    expect((await listExceptions({ status: "resolved" })).rows[0]?.resolvedById).toBe(ops.id);

    await resolveException({ id, resolved: false }, actor);
    expect((await listExceptions({ status: "open" })).rows).toHaveLength(1);
    const actions = (await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["exception.assigned", "exception.commented", "exception.resolved", "exception.reopened"]);
  });

  it("only lets ops or admin users own exceptions", async () => {
    const exc = await prisma.syncException.create({ data: { kind: "no_route", fingerprint: "nr:1", partnerIds: [1] } });
    const marketing = await prisma.user.findUniqueOrThrow({ where: { email: "mk@x.test" } });
    const ops = await prisma.user.findUniqueOrThrow({ where: { email: "ops@x.test" } });
    const actor = { id: ops.id, email: ops.email, name: ops.name, role: ops.role };
    await expect(assignException({ id: exc.id.toString(), ownerId: marketing.id }, actor)).rejects.toThrow(/ops or admin/);
  });
});

describe("last seen", () => {
  it("is when a run last raised the exception: assigning, commenting and resolving leave it alone", async () => {
    const ops = await prisma.user.findUniqueOrThrow({ where: { email: "ops@x.test" } });
    const actor = { id: ops.id, email: ops.email, name: ops.name, role: ops.role };
    const seenAt = new Date("2026-11-01T08:00:00Z");
    const exc = await prisma.syncException.create({ data: { kind: "invalid_email", fingerprint: "invalid_email||partner:42", partnerIds: [42], lastSeenAt: seenAt } });
    const id = exc.id.toString();
    await assignException({ id, ownerId: ops.id }, actor);
    await commentOnException({ id, body: "mine" }, actor);
    const row = (await listExceptions({ status: "open", kind: "invalid_email" })).rows[0];
    expect(row?.ownerName).toBe("Olga Ops");
    expect(row?.lastSeenAt).toEqual(seenAt);
    await resolveException({ id, resolved: true }, actor);
    expect((await listExceptions({ status: "resolved", kind: "invalid_email" })).rows[0]?.lastSeenAt).toEqual(seenAt);
  });
});

describe("exports of tables that grow without bound", () => {
  const collect = async <T>(items: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const x of items) out.push(x);
    return out;
  };

  it("page through every exception once, in the queue's order, ties on last seen included", async () => {
    const at = new Date("2026-11-30T10:00:00Z");
    // Seven exceptions seen at the same moment and two later: pages of two split the tie several times.
    for (let i = 0; i < 9; i++) {
      await prisma.syncException.create({
        data: { kind: "no_route", fingerprint: `page:${i}`, partnerIds: [i], lastSeenAt: i < 7 ? at : new Date(at.getTime() + i * 1000) },
      });
    }
    await prisma.syncException.create({ data: { kind: "no_route", fingerprint: "page:resolved", partnerIds: [99], status: "resolved" } });
    const paged = await collect(eachException({ status: "open" }, 2));
    const whole = (await listExceptions({ status: "open" }, 1_000)).rows;
    expect(paged.map((e) => e.fingerprint)).toEqual(whole.map((e) => e.fingerprint));
    expect(new Set(paged.map((e) => e.id)).size).toBe(whole.length);
    const mine = paged.map((e) => e.fingerprint).filter((f) => f.startsWith("page:"));
    expect(mine).toEqual(["page:8", "page:7", ...whole.map((e) => e.fingerprint).filter((f) => /^page:[0-6]$/.test(f))]);
    expect(mine).toHaveLength(9);
  });

  it("page through every audit event and every run once, newest first", async () => {
    for (let i = 0; i < 5; i++) await prisma.auditEvent.create({ data: { action: "policy.saved", target: `page:${i}` } });
    const events = await collect(eachAuditEvent(2));
    expect(events.map((e) => e.id)).toEqual((await prisma.auditEvent.findMany({ orderBy: { id: "desc" } })).map((e) => e.id.toString()));
    expect(events.map((e) => e.target).filter((t) => t?.startsWith("page:"))).toEqual(["page:4", "page:3", "page:2", "page:1", "page:0"]);
    const at = new Date("2026-11-30T10:00:00Z");
    for (let i = 0; i < 5; i++) await prisma.syncRun.create({ data: { mode: "full", trigger: "test", status: "succeeded", createdAt: i < 3 ? at : new Date(at.getTime() + i) } });
    const runs = await collect(eachRun(2));
    expect(new Set(runs.map((r) => r.id)).size).toBe(await prisma.syncRun.count());
    expect(runs.map((r) => r.createdAt.getTime())).toEqual([...runs.map((r) => r.createdAt.getTime())].sort((a, b) => b - a));
  });
});
