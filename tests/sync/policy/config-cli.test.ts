import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { buildDemoPolicy, getActivePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";

const { prisma, url } = await useTestDatabase();
// Test timeouts below are hang guards: each call starts tsx in a new process, slow on a busy 2-core machine.
const dir = mkdtempSync(path.join(tmpdir(), "bridgeline-config-"));

async function config(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = promisify(execFile)("npx", ["tsx", "scripts/config.ts", ...args], { env: { ...process.env, DATABASE_URL: url } });
  return run.then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

it("imports a policy as a new version and exports it back unchanged", async () => {
  const demo = buildDemoPolicy({ sf_b2b: "a1", sf_b2c: "a2", chicago: "a3", brussels: "a4" });
  writeFileSync(path.join(dir, "in.json"), JSON.stringify(demo));
  const imported = await config("import", path.join(dir, "in.json"), "--comment", "from the test");
  expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining("Saved policy version 1") });
  expect((await prisma.policyVersion.findUniqueOrThrow({ where: { version: 1 } })).comment).toBe("from the test");
  expect((await config("export", path.join(dir, "out.json"))).code).toBe(0);
  const exported = JSON.parse(readFileSync(path.join(dir, "out.json"), "utf8")) as unknown;
  expect(exported).toEqual({ version: 1, policy: demo });
  expect((await config("import", path.join(dir, "out.json"))).stdout).toContain("Saved policy version 2");
  expect((await getActivePolicy(prisma))?.policy).toEqual(demo);
}, 180_000);

it("rejects invalid files with the bad path and saves nothing", async () => {
  writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ consent: { newMemberStatus: "always" }, routing: { rules: [{ name: "r", audienceId: "" }] } }));
  const bad = await config("import", path.join(dir, "bad.json"));
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/consent\.newMemberStatus/);
  expect(bad.stderr).toMatch(/routing\.rules\.0\.audienceId/);
  writeFileSync(path.join(dir, "broken.json"), "{ not json");
  expect((await config("import", path.join(dir, "broken.json"))).stderr).toMatch(/broken\.json: not readable JSON/);
  expect((await config("frobnicate")).code).toBe(2);
  expect(await prisma.policyVersion.count()).toBe(2);
}, 180_000);

it("says a missing file does not exist, and refuses a wrong command line with the usage (exit 2)", async () => {
  const missing = await config("import", path.join(dir, "missing.json"));
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim()).toBe(`${path.join(dir, "missing.json")}: no such file`);
  for (const args of [["frobnicate", "x.json"], ["import"], ["export", "x.json", "--force"], ["import", "a.json", "b.json"]]) {
    const r = await config(...args);
    expect(r.code, args.join(" ")).toBe(2);
    expect(r.stderr, args.join(" ")).toContain('Usage: npm run config -- export FILE | import FILE [--comment "why"] [--confirm-drop N]');
  }
  expect((await config("export", "x.json", "--force")).stderr).toMatch(/^Unknown option '--force'/);
  expect(await prisma.policyVersion.count()).toBe(2);
}, 180_000);

it("refuses a policy that would route more than 5% of today's members nowhere, unless the count is confirmed (issue 15)", async () => {
  // Today: 90 members in a1, 10 in a2 (and an excluded one, which does not count).
  const records = [
    ...Array.from({ length: 90 }, (_, i) => ({ audienceId: "a1", email: `m${i}@one.io`, lastStatus: "synced" as const })),
    ...Array.from({ length: 10 }, (_, i) => ({ audienceId: "a2", email: `m${i}@two.io`, lastStatus: "synced" as const })),
    { audienceId: "a3", email: "gone@three.io", lastStatus: "excluded" as const },
  ];
  await prisma.syncRecord.createMany({ data: records.map((r) => ({ ...r, partnerIds: [1] })) });
  const onlyA1 = { routing: { rules: [{ name: "All", audienceId: "a1" }] } };
  writeFileSync(path.join(dir, "narrow.json"), JSON.stringify(onlyA1));
  const refused = await config("import", path.join(dir, "narrow.json"));
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("routes 10 of today's 100 members (10%) nowhere: no rule sends to a2. Nothing saved.");
  expect(refused.stderr).toContain("--confirm-drop 10");
  // A count other than the one shown is no confirmation.
  expect((await config("import", path.join(dir, "narrow.json"), "--confirm-drop", "9")).code).toBe(1);
  expect((await config("import", path.join(dir, "narrow.json"), "--confirm-drop", "ten")).code).toBe(2);
  expect(await prisma.policyVersion.count()).toBe(2);
  const confirmed = await config("import", path.join(dir, "narrow.json"), "--confirm-drop", "10");
  expect(confirmed).toMatchObject({ code: 0, stdout: expect.stringContaining("Saved policy version 3") });
  // The `{}` of the audit: every member dropped.
  writeFileSync(path.join(dir, "empty.json"), "{}");
  const empty = await config("import", path.join(dir, "empty.json"));
  expect(empty.code).toBe(1);
  expect(empty.stderr).toContain("routes 100 of today's 100 members (100%) nowhere: no rule sends to a1, a2.");
  // Within 5%: saved without asking.
  const mostly = { routing: { rules: [{ name: "B2B", audienceId: "a1", customerType: "b2b" }, { name: "Rest", audienceId: "a2" }] } };
  writeFileSync(path.join(dir, "both.json"), JSON.stringify(mostly));
  expect((await config("import", path.join(dir, "both.json"))).stdout).toContain("Saved policy version 4");
  expect(await prisma.policyVersion.count()).toBe(4);
}, 180_000);
