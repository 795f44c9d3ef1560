import { expect, it } from "vitest";
import { buildDemoPolicy, defaultPolicy, getActivePolicy, listPolicyVersions, parsePolicy, PolicyValidationError, savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";

const { prisma } = await useTestDatabase();

it("starts with no policy, and defaults that assume no consent and route nobody", async () => {
  expect(await getActivePolicy(prisma)).toBeNull();
  const d = defaultPolicy();
  expect(d.consent.newMemberStatus).toBe("transactional");
  expect(d.routing.rules).toEqual([]);
  expect(d.eligibility.excludeBlacklisted).toBe(true);
  expect(d.tags.prefix).toBe("odoo:");
  expect(d.batching).toEqual({ subscribeBatchSize: 500, upsertOpsPerBatch: 2000, odooPageSize: 1000, overlapSeconds: 300 });
});

it("saves versions max+1, never in place, each with an audit event", async () => {
  const demo = buildDemoPolicy({ sf_b2b: "a1", sf_b2c: "a2", chicago: "a3", brussels: "a4" });
  expect(await savePolicy(prisma, defaultPolicy(), { comment: "first" })).toBe(1);
  expect(await savePolicy(prisma, demo, { comment: "demo routing" })).toBe(2);
  expect(await getActivePolicy(prisma)).toEqual({ version: 2, policy: demo });
  expect((await listPolicyVersions(prisma)).map((v) => [v.version, v.comment])).toEqual([[2, "demo routing"], [1, "first"]]);
  const audit = await prisma.auditEvent.findMany({ where: { action: "policy.saved" }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.target)).toEqual(["policy:1", "policy:2"]);
});

it("numbers concurrent saves without gaps or collisions", async () => {
  const versions = await Promise.all([1, 2, 3, 4].map(() => savePolicy(prisma, defaultPolicy())));
  expect([...versions].sort()).toEqual([3, 4, 5, 6]);
});

it("refuses an invalid policy naming the bad path, and saves nothing", async () => {
  const before = await listPolicyVersions(prisma);
  const bad = { batching: { subscribeBatchSize: 501 }, routing: { rules: [{ name: "x" }] }, hierarchy: { childContacts: "tagged" } };
  const err = await savePolicy(prisma, bad).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PolicyValidationError);
  const paths = (err as PolicyValidationError).issues.map((i) => i.path);
  expect(paths).toEqual(expect.arrayContaining(["batching.subscribeBatchSize", "routing.rules.0.audienceId", "hierarchy.tag"]));
  expect(await listPolicyVersions(prisma)).toHaveLength(before.length);
  expect(() => parsePolicy({ eligibility: { exclude: [{ field: "ref", operator: "in", value: "x" }] } })).toThrow(/eligibility\.exclude\.0/);
  expect(() => parsePolicy({ consent: { newMemberStatus: "subscribed_if_consented" } })).toThrow(/consent\.consentField/);
  expect(() => parsePolicy({ unknownKey: 1 })).toThrow(/unknownKey|Unrecognized/);
});
