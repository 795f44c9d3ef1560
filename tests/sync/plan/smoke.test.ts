import { afterAll, beforeAll, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { buildDemoPolicy } from "@/lib/sync/policy";
import { plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";
import type { OdooClient } from "@/lib/odoo";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ generate: 300 })));
afterAll(async () => emu?.close());

it("smoke", async () => {
  const policy = buildDemoPolicy({ sf_b2b: "sfb2b", sf_b2c: "sfb2c", chicago: "chi", brussels: "bru" });
  const out = await plan(prisma, odoo, policy);
  console.log(JSON.stringify({ ...out, summary: undefined }), JSON.stringify(out.summary).slice(0, 3000));
  const recs = await plannedRecords(prisma, out.runId);
  console.log(JSON.stringify(recs.slice(0, 3), null, 1));
  expect(out.plannedNew).toBeGreaterThan(0);
});
