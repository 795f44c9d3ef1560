import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { listExceptions } from "@/lib/console/exceptions/list-exceptions";
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
