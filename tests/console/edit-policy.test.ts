import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { savePolicyFromConsole } from "@/lib/console/edit-policy";
import { getActivePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase({ asProcessDefault: true });

describe("editing the policy in the console", () => {
  it("saves a valid policy as a new version with the comment, and refuses bad JSON or bad paths by name", async () => {
    const admin = await createUser(prisma, { email: "a@x.test", name: "A", role: "admin" });
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };

    await expect(savePolicyFromConsole({ policyJson: "{nope" }, actor)).rejects.toThrow(/Not valid JSON/);
    await expect(
      savePolicyFromConsole({ policyJson: JSON.stringify({ consent: { newMemberStatus: "subscribed" } }) }, actor),
    ).rejects.toThrow(/consent\.newMemberStatus/);

    const { version } = await savePolicyFromConsole({ policyJson: "{}", comment: "defaults" }, actor);
    const second = await savePolicyFromConsole({ policyJson: JSON.stringify({ tags: { prefix: "erp:" } }) }, actor);
    expect(second.version).toBe((version as number) + 1);
    const active = await getActivePolicy(prisma);
    expect(active?.version).toBe(second.version);
    expect(active?.policy.tags.prefix).toBe("erp:");
    const audit = await prisma.auditEvent.findMany({ where: { action: "policy.saved" } });
    expect(audit.map((a) => a.actorId)).toEqual([admin.id, admin.id]);
  });

  it("asks for confirmation, with the count, before saving a policy that routes most of today's members nowhere (issue 15)", async () => {
    const admin = await createUser(prisma, { email: "b@x.test", name: "B", role: "admin" });
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
    const routed = { routing: { rules: [{ name: "North", audienceId: "north" }, { name: "South", audienceId: "south" }] } };
    await savePolicyFromConsole({ policyJson: JSON.stringify(routed) }, actor);
    await prisma.syncRecord.createMany({
      data: [
        ...Array.from({ length: 8 }, (_, i) => ({ audienceId: "north", email: `n${i}@x.io`, lastStatus: "synced" as const })),
        ...Array.from({ length: 2 }, (_, i) => ({ audienceId: "south", email: `s${i}@x.io`, lastStatus: "synced" as const })),
      ],
    });
    const before = (await getActivePolicy(prisma))?.version;

    // The audit's case: "{}" routes nobody.
    const empty = await savePolicyFromConsole({ policyJson: "{}" }, actor);
    expect(empty).toEqual({ version: null, confirm: { dropped: 10, total: 10, audiences: ["north", "south"] } });
    const northOnly = { routing: { rules: [{ name: "North", audienceId: "north" }] } };
    expect(await savePolicyFromConsole({ policyJson: JSON.stringify(northOnly) }, actor)).toMatchObject({ version: null, confirm: { dropped: 2, total: 10 } });
    expect((await getActivePolicy(prisma))?.version).toBe(before);

    // Confirming a different count than the one shown does not save either.
    expect(await savePolicyFromConsole({ policyJson: "{}", confirmDrop: 9 }, actor)).toMatchObject({ version: null });
    const confirmed = await savePolicyFromConsole({ policyJson: "{}", confirmDrop: 10 }, actor);
    expect(confirmed.version).toBe((before as number) + 1);
  });
});
