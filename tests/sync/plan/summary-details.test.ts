import { afterAll, beforeAll, expect, it } from "vitest";
import { canSeeContactDetails } from "@/lib/auth/roles";
import { plannerSummaryOf } from "@/components/runs/plan-preview";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { purgeSampleDetails } from "@/lib/sync/run/purge-sample-details";
import { useTestDatabase } from "@/tests/helpers/db";
import { plan, startOdoo, type Emu } from "./helpers/plan-harness";

// Issue 14, "Run summaries": counts and ids for as long as a run is kept; emails and names only for the policy's
// retention, and only for roles that may see them.
const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const policy = parsePolicy({ routing: { rules: [{ name: "everyone", audienceId: "aud" }] }, summaries: { sampleDetailsDays: 3 } });
const DAY = 86_400_000;
type Planner = { samples: Record<string, Record<string, unknown>[]>; sampleDetails?: Record<string, Record<string, unknown>[]>; sampleDetailsUntil?: string };
const json = (v: unknown) => JSON.stringify(v);

it("keeps only counts and ids in the samples, the details beside them until the retention ends", async () => {
  const now = new Date("2026-11-30T08:00:00Z");
  const run = await plan(prisma, odoo, policy, { now });
  const planner = (run.summary as { planner: Planner }).planner;
  expect(json(planner.samples)).not.toMatch(/@|"name"|"email"|"payload"/);
  expect(planner.samples.new?.[0]).toEqual({ audienceId: "aud", partnerIds: expect.any(Array) });
  expect(json(planner.sampleDetails)).toContain("jane.doe@gmail.com");
  expect(planner.sampleDetailsUntil).toBe(new Date(now.getTime() + 3 * DAY).toISOString());

  await prisma.syncRun.update({ where: { id: run.runId }, data: { summary: { plan: run.summary } as object } });
  expect(await purgeSampleDetails(prisma, new Date(now.getTime() + 2 * DAY))).toBe(0);
  expect(await purgeSampleDetails(prisma, new Date(now.getTime() + 4 * DAY))).toBe(1);
  const kept = (await prisma.syncRun.findUniqueOrThrow({ where: { id: run.runId } })).summary as { plan: { planner: Planner } };
  expect(kept.plan.planner.sampleDetails).toBeUndefined();
  expect(kept.plan.planner.samples).toEqual(planner.samples);
});

it("keeps no details when the policy says 0 days", async () => {
  const run = await plan(prisma, odoo, parsePolicy({ ...policy, summaries: { sampleDetailsDays: 0 } }));
  expect((run.summary as { planner: Planner }).planner.sampleDetails).toBeUndefined();
});

it("shows the details only to roles that may see contacts", async () => {
  const run = await plan(prisma, odoo, policy);
  const summary = { plan: run.summary };
  expect(canSeeContactDetails("ops")).toBe(true);
  expect(canSeeContactDetails("marketing")).toBe(false);
  expect(json(plannerSummaryOf(summary, true)?.samples)).toContain("jane.doe@gmail.com");
  expect(json(plannerSummaryOf(summary, false))).not.toContain("@");
});
