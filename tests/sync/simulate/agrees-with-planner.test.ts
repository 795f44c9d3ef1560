import { afterAll, beforeAll, expect, it } from "vitest";
import { simulateRouting } from "@/lib/console/simulate/simulate-routing";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy, savePolicy } from "@/lib/sync/policy";
import { searchPartners } from "@/lib/sync/simulate/search-partners";
import type { PartnerExplanation } from "@/lib/sync/simulate/types";
import { useTestDatabase } from "@/tests/helpers/db";
import { markSynced, plan, startOdoo, type Emu } from "@/tests/sync/plan/helpers/plan-harness";
import { outcomesByPartner } from "@/tests/sync/plan/helpers/outcomes";

// The simulator reads Odoo like a targeted run and decides with the planner's functions, so for every partner
// of the fixture business it must say what a real plan does with that partner.
const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const policy = parsePolicy({
  hierarchy: { childContacts: "contacts_only" },
  eligibility: { exclude: [{ tag: "do not market" }] },
  routing: { rules: [{ name: "everyone", audienceId: "aud" }] },
});

/** The explanation in the planner's sample words (tests/sync/plan/helpers/outcomes.ts). */
function asOutcome(e: PartnerExplanation): string {
  if (e.verdict === "excluded") return `excluded:${e.decidedBy.code}`;
  if (e.member?.group === "duplicate") return "exception:duplicate_email";
  if (e.verdict === "exception") return `exception:${e.decidedBy.code}`;
  const kind = e.member!.group === "subscribe_new" ? "new" : e.member!.group === "upsert_existing" ? "update" : "unchanged";
  return kind === "unchanged" ? kind : `${kind}:${e.member!.audienceId}`;
}

it("says for every partner what the planner does, before and after a sync", async () => {
  await savePolicy(prisma, policy);
  const first = await plan(prisma, odoo, policy);
  const planned = outcomesByPartner(first);
  expect(planned.size).toBeGreaterThan(20);
  let compared = 0;
  for (const [partnerId, outcome] of planned) {
    const sim = await simulateRouting(prisma, odoo, { partnerId });
    const said = asOutcome(sim.saved.explanation);
    // A staff_email exception lists the staff partners too; the simulator asked about a staff partner says staff.
    if (outcome === "exception:staff_email" && said === "excluded:staff") continue;
    expect(`${partnerId} ${said}`).toBe(`${partnerId} ${outcome}`);
    compared++;
  }
  expect(compared).toBeGreaterThan(20);
  await markSynced(prisma, first.runId);
  const again = outcomesByPartner(await plan(prisma, odoo, policy, { dryRun: true }));
  const unchanged = [...again].filter(([, o]) => o === "unchanged").map(([id]) => id);
  expect(unchanged.length).toBeGreaterThan(5);
  for (const id of unchanged.slice(0, 5)) expect(asOutcome((await simulateRouting(prisma, odoo, { partnerId: id })).saved.explanation)).toBe("unchanged");
});

it("explains under the edited policy beside the saved one, and refuses an invalid edit with its paths", async () => {
  const candidate = [...outcomesByPartner(await plan(prisma, odoo, policy, { dryRun: true }))].find(([, o]) => o.startsWith("new:") || o === "unchanged")![0];
  const edited = { ...policy, routing: { rules: [{ name: "elsewhere", audienceId: "other" }] } };
  const sim = await simulateRouting(prisma, odoo, { partnerId: candidate, policyJson: JSON.stringify(edited) });
  expect(sim.saved.explanation.member?.audienceId).toBe("aud");
  expect(sim.edited?.explanation.member?.audienceId).toBe("other");
  expect((await simulateRouting(prisma, odoo, { partnerId: candidate, policyJson: JSON.stringify(policy) })).edited).toBeNull();
  const bad = await simulateRouting(prisma, odoo, { partnerId: candidate, policyJson: '{"routing":{"rules":[{"name":"x"}]}}' });
  expect(bad.editedError).toContain("routing.rules.0.audienceId");
  await expect(simulateRouting(prisma, odoo, { partnerId: 999_999 })).rejects.toThrow("Odoo has no partner 999999");
});

it("finds partners by name, email or id, archived included", async () => {
  const [some] = await searchPartners(odoo, "#3");
  expect(some?.id).toBe(3);
  const byName = await searchPartners(odoo, some!.name.slice(0, 4));
  expect(byName.map((p) => p.id)).toContain(3);
});
