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
    expect(second.version).toBe(version + 1);
    const active = await getActivePolicy(prisma);
    expect(active?.version).toBe(second.version);
    expect(active?.policy.tags.prefix).toBe("erp:");
    const audit = await prisma.auditEvent.findMany({ where: { action: "policy.saved" } });
    expect(audit.map((a) => a.actorId)).toEqual([admin.id, admin.id]);
  });
});
