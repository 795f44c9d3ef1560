import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { plan, startOdoo, type Emu } from "./helpers/plan-harness";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const policy = parsePolicy({ routing: { rules: [{ name: "everyone", audienceId: "aud" }] } });
const naException = () => prisma.syncException.findUniqueOrThrow({ where: { fingerprint: "invalid_email||partner:134" } });

it("keeps one row per problem across runs, counting occurrences", async () => {
  const first = await plan(prisma, odoo, policy);
  const longAgo = new Date("2020-01-01T00:00:00Z");
  await prisma.syncException.updateMany({ data: { lastSeenAt: longAgo } });
  const second = await plan(prisma, odoo, policy);
  expect((await naException()).lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime()); // the run that saw it again
  const row = await naException();
  expect(row).toMatchObject({ kind: "invalid_email", status: "open", occurrences: 2, firstRunId: first.runId, lastRunId: second.runId, partnerIds: [134] });
  expect(row.detail).toMatchObject({ rawEmail: "n/a", partnerId: 134 });
  expect(await prisma.syncException.count({ where: { kind: "duplicate_email" } })).toBe(1);
});

it("auto-resolves on a full run once the cause is fixed in Odoo, not on an incremental one", async () => {
  await odoo.write("res.partner", [134], { email: "na.person@gmail.com" });
  await plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: new Date(Date.now() - 1000) });
  expect((await naException()).status).toBe("open");
  await plan(prisma, odoo, policy);
  const row = await naException();
  expect(row.status).toBe("resolved");
  expect(row.resolvedById).toBeNull();
  expect(row.detail).toMatchObject({ autoResolved: true });
});

it("reopens a resolved exception whose problem comes back", async () => {
  await odoo.write("res.partner", [134], { email: "n/a" });
  await plan(prisma, odoo, policy);
  const row = await naException();
  expect(row.status).toBe("open");
  expect(row.resolvedAt).toBeNull();
  expect(row.occurrences).toBe(3);
});
