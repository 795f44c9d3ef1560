import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startPlanProgress } from "@/lib/sync/plan/plan-progress";
import { OdooClient } from "@/lib/odoo";
import { buildDemoPolicy } from "@/lib/sync/policy";
import { classifyEmail } from "@/lib/sync/email/classify-email";
import { useTestDatabase } from "@/tests/helpers/db";
import { plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ generate: 1500, seed: 7 })));
afterAll(async () => emu?.close());

const audiences = { sf_b2b: "sf-b2b", sf_b2c: "sf-b2c", chicago: "chicago", brussels: "brussels" };
const audienceCompany: Record<string, number> = { "sf-b2b": 1, "sf-b2c": 1, chicago: 2, brussels: 3 };

it("on the generated demo business, plans only valid, unique, non-staff addresses into their own company's audience", async () => {
  const handed: string[] = [];
  const run = await plan(prisma, odoo, buildDemoPolicy(audiences), {
    // Each batch is handed over once its row is readable, so the runtime can send it while planning goes on.
    onBatch: async (id) => void handed.push((await prisma.syncBatch.findUniqueOrThrow({ where: { id } })).id),
  });
  expect(handed).toEqual((await prisma.syncBatch.findMany({ where: { runId: run.runId }, orderBy: { seq: "asc" } })).map((b) => b.id));
  const records = await plannedRecords(prisma, run.runId);
  expect(records.length).toBeGreaterThan(300);
  const staff = new Set<number>();
  for await (const page of odoo.pages("res.users", { fields: ["partner_id", "share"], activeTest: false }))
    for (const u of page) if (u.share === false && Array.isArray(u.partner_id)) staff.add(u.partner_id[0] as number);
  const keys = new Set<string>();
  const ids = records.flatMap((r) => r.partnerIds);
  const partners = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 500)
    for (const p of await odoo.read("res.partner", ids.slice(i, i + 500), ["company_id", "commercial_partner_id"])) partners.set(p.id, p);
  for (const r of records) {
    expect(classifyEmail(r.email)).toEqual({ ok: true, email: r.email });
    expect(keys.has(`${r.audienceId}|${r.email}`)).toBe(false);
    keys.add(`${r.audienceId}|${r.email}`);
    for (const id of r.partnerIds) {
      expect(staff.has(id)).toBe(false);
      const company = partners.get(id)?.company_id;
      if (Array.isArray(company)) expect(company[0]).toBe(audienceCompany[r.audienceId]);
    }
    expect(new Set(r.partnerIds.map((id) => (partners.get(id)?.commercial_partner_id as [number])[0])).size).toBe(1);
  }
  expect(run.exceptions).toBeGreaterThan(0);
});

it("reports its progress as it goes: every partner read, of the total Odoo counted, and each stage's start", async () => {
  const progress = startPlanProgress(new Date("2026-11-30T08:00:00Z"));
  const seen: number[] = [];
  await plan(prisma, odoo, buildDemoPolicy(audiences), { progress, onBatch: async () => void seen.push(progress.partnersRead) });
  const partners = await odoo.searchCount("res.partner", [], { activeTest: false });
  // The count runs beside the read and is never awaited by it; it has answered by now or shortly after.
  await vi.waitFor(() => expect(progress.partnersTotal).toBe(partners));
  expect(progress).toMatchObject({ stage: "planned", partnersRead: partners, readingAt: "2026-11-30T08:00:00.000Z" });
  expect(Date.parse(progress.plannedAt ?? "") >= Date.parse(progress.planningAt ?? "")).toBe(true);
  // Batches are written after the read: by then every partner has been counted as read.
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((n) => n === partners)).toBe(true);
});
