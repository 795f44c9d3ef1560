import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestRepair, RepairRefusedError } from "@/lib/reconcile/repair/request-repair";
import { exportGapsCsv } from "@/lib/console/reconcile/export-gaps";
import { gapFilterSchema } from "@/lib/console/reconcile/gap-filter";
import { listGaps } from "@/lib/console/reconcile/list-gaps";
import { recordView } from "@/lib/console/reconcile/record-view";
import { reconcileSummary } from "@/lib/console/reconcile/summary";
import { ALL_GAP_KINDS } from "@/lib/reconcile/gap-kinds";
import { readCursor } from "@/lib/sync/run/cursor";
import { useTestDatabase } from "@/tests/helpers/db";
import { NORTH, SOUTH, startConsentWorld, type World } from "@/tests/consent/support/consent-world";
import { reconcileTools } from "./support/reconcile-world";

/**
 * The "Done when": a clean full sync leaves no gap; changes made behind the engine's back (in
 * Mailchimp) and in Odoo each show up under their kind with the right record; repairs are normal runs (or, for
 * consent, write-backs to Odoo) and the next read-back no longer sees the gap.
 */
const db = await useTestDatabase({ asProcessDefault: true });
let world: World;
let t: ReturnType<typeof reconcileTools>;

beforeAll(async () => {
  world = await startConsentWorld(db);
  await world.reset();
  // No webhook: the opt-out below must stay unknown to Odoo, as when a delivery is lost.
  await world.unhook(NORTH);
  await world.unhook(SOUTH);
  t = reconcileTools(world);
}, 60_000);
afterAll(async () => world?.close());

const counts = (pass: { audiences: { audienceId: string; gaps: unknown }[] }) =>
  Object.fromEntries(pass.audiences.map((a) => [a.audienceId, a.gaps as Record<string, number>]));
const zero = Object.fromEntries(ALL_GAP_KINDS.map((k) => [k, 0]));
const summary = (gaps: { kind: string; audienceId: string; email: string }[]) => gaps.map((g) => `${g.kind} ${g.audienceId} ${g.email}`).sort();

describe("read-back", () => {
  let passId = "";

  it("finds nothing to report after a clean full sync, in one members request per audience", async () => {
    expect((await world.sync("full")).status).toBe("succeeded");
    const pass = await t.readBack();
    // One members page per audience, and the store list (no store of ours yet: no orders to read).
    expect(pass).toMatchObject({ status: "succeeded", error: null, requests: 3 });
    expect(counts(pass)).toEqual({ [NORTH]: zero, [SOUTH]: zero });
    const north = pass.audiences.find((a) => a.audienceId === NORTH);
    expect(north).toMatchObject({ members: 3, expected: 3 });
    // The sync cursor is where the full run's planning started: nothing in Odoo changed since.
    expect(pass.oldestPendingAt).toBeNull();
  });

  it("puts each change made behind the engine's back, and each Odoo change, under its kind with its record", async () => {
    const cleo = (await world.members(NORTH)).find((m) => m.email_address === "cleo.cole@buyers.io");
    const managed = (cleo?.tags ?? []).map((x) => x.name).filter((n) => n.startsWith("odoo:"));
    expect(managed.length).toBeGreaterThan(0);
    await t.archive(NORTH, "ann.archer@buyers.io");
    await t.editMerge(NORTH, "ben.baker@buyers.io", { FNAME: "Benny" });
    await t.removeTag(NORTH, "cleo.cole@buyers.io", managed[0]!);
    await world.userAction(SOUTH, "dan.dunn@buyers.io", "unsubscribe");
    await t.addStranger(NORTH, "stranger@elsewhere.io");
    // Odoo keeps write_date to the second: a change in the cursor's own second cannot be told from one the run
    // read (lib/reconcile/read/lag.ts). Waiting for the next second makes the Odoo changes below plainly later.
    const cursor = (await readCursor(db.prisma))!;
    while (Math.floor(Date.now() / 1000) <= Math.floor(cursor.getTime() / 1000)) await new Promise((r) => setTimeout(r, 50));
    const [gil] = await world.odoo.create("res.partner", [{ name: "Gil Green", email: "gil.green@buyers.io" }]);
    t.confirmedOrder(gil!, 1);
    await world.odoo.write("res.partner", [104], { email: "eve.new@buyers.io" });

    const pass = await t.readBack();
    passId = pass.id;
    expect(summary(await t.gaps(pass.id))).toEqual([
      `consent_drift ${SOUTH} dan.dunn@buyers.io`,
      `mailchimp_only ${NORTH} stranger@elsewhere.io`,
      `merge_drift ${NORTH} ben.baker@buyers.io`,
      `missing ${NORTH} ann.archer@buyers.io`,
      `missing ${NORTH} gil.green@buyers.io`,
      `missing ${SOUTH} eve.new@buyers.io`,
      `not_eligible ${SOUTH} eve.ellis@buyers.io`,
      `tag_drift ${NORTH} cleo.cole@buyers.io`,
    ]);
    const [drift] = await t.gaps(pass.id, "merge_drift");
    expect(drift?.detail).toEqual({ cause: "changed_in_mailchimp", fields: { FNAME: { odoo: "Ben", mailchimp: "Benny" } } });
    const [tag] = await t.gaps(pass.id, "tag_drift");
    expect(tag?.detail).toEqual({ missingTags: [managed[0]], extraTags: [] });
    const missing = Object.fromEntries((await t.gaps(pass.id, "missing")).map((g) => [g.email, (g.detail as { cause: string }).cause]));
    expect(missing).toEqual({ "ann.archer@buyers.io": "gone_from_mailchimp", "gil.green@buyers.io": "not_synced_yet", "eve.new@buyers.io": "not_synced_yet" });
    expect((await t.gaps(pass.id, "consent_drift"))[0]?.detail).toMatchObject({ direction: "mailchimp_opted_out", memberStatus: "unsubscribed", blacklistedInOdoo: false });
    expect((await t.gaps(pass.id, "not_eligible"))[0]).toMatchObject({ partnerIds: [104], detail: { policyAction: "remove_managed_tags" } });
    expect(counts(pass)[NORTH]).toMatchObject({ missing: 2, merge_drift: 1, tag_drift: 1, mailchimp_only: 1, consent_drift: 0 });
    // The lag: Odoo changed after the cursor of the last successful run.
    expect(pass.oldestPendingAt).not.toBeNull();
  });

  it("serves the gaps paged, filtered and searched, as CSV, and one record side by side with its history", async () => {
    // A pass that is running leaves the last result on the page until it succeeds.
    const running = await db.prisma.reconcilePass.create({ data: { trigger: "test", status: "running", startedAt: new Date() } });
    expect(await reconcileSummary()).toMatchObject({ shown: { id: passId }, active: { id: running.id, status: "running" } });
    expect(await listGaps(gapFilterSchema.parse({}))).toMatchObject({ passId, total: 8 });
    await db.prisma.reconcilePass.delete({ where: { id: running.id } });
    const all = await listGaps(gapFilterSchema.parse({}));
    expect(all).toMatchObject({ passId, total: 8, page: 1 });
    const missing = await listGaps(gapFilterSchema.parse({ kind: "missing", audience: NORTH, sort: "email", dir: "desc" }));
    expect(missing.rows.map((r) => r.email)).toEqual(["gil.green@buyers.io", "ann.archer@buyers.io"]);
    expect((await listGaps(gapFilterSchema.parse({ q: "BEN.b" }))).rows.map((r) => r.kind)).toEqual(["merge_drift"]);
    const csv = await new Response(exportGapsCsv(gapFilterSchema.parse({ kind: "merge_drift" }))).text();
    expect(csv.trim().split("\n")).toEqual([
      "audience,kind,email,subject,partner_ids,detail",
      `${NORTH},merge_drift,ben.baker@buyers.io,,101,"{""cause"":""changed_in_mailchimp"",""fields"":{""FNAME"":{""odoo"":""Ben"",""mailchimp"":""Benny""}}}"`,
    ]);
    const ben = await recordView("Ben.Baker@buyers.io");
    const north = ben.audiences.find((a) => a.audienceId === NORTH);
    expect(north?.fields.find((f) => f.field === "FNAME")).toEqual({ field: "FNAME", owner: "odoo", odoo: "Ben", sent: "Ben", mailchimp: "Benny", differs: true });
    expect(north?.fields.find((f) => f.field === "status")).toMatchObject({ owner: "mailchimp", differs: false });
    expect(north).toMatchObject({ managedByBridgeline: true, routedByOdoo: true, inMailchimp: true, gaps: [{ kind: "merge_drift" }] });
    expect(ben.history.runs).toHaveLength(1);
    expect(ben.history.runs[0]).toMatchObject({ mode: "full", batchStatus: "succeeded" });
  });

  it("repairs member gaps with targeted runs and consent gaps with a write-back to Odoo; the next read-back is clean", async () => {
    await expect(requestRepair(db.prisma, { kind: "mailchimp_only" }, t.queue)).rejects.toBeInstanceOf(RepairRefusedError);
    const one = await requestRepair(db.prisma, { kind: "merge_drift", email: "ben.baker@buyers.io" }, t.queue);
    expect(one).toMatchObject({ route: "resync", records: 1 });
    const [run] = await t.runQueued();
    expect(run).toMatchObject({ status: "succeeded", trigger: "repair", plannedUpdate: 1, scope: { emails: ["ben.baker@buyers.io"] } });
    for (const kind of ["missing", "tag_drift", "not_eligible"] as const) {
      expect(await requestRepair(db.prisma, { kind }, t.queue)).toMatchObject({ route: "resync" });
      expect((await t.runQueued()).map((r) => r.status)).toEqual(["succeeded"]);
    }
    expect(await requestRepair(db.prisma, { kind: "consent_drift" }, t.queue)).toEqual({ route: "consent_writeback", events: 1, skipped: 0 });
    await world.consent();
    expect(await world.blacklisted()).toEqual(new Set(["dan.dunn@buyers.io"]));
    // Never toward Mailchimp: Dan is still unsubscribed there.
    expect((await world.members(SOUTH)).find((m) => m.email_address === "dan.dunn@buyers.io")?.status).toBe("unsubscribed");
    // The record's history tells that story: the opt-out seen by the read-back and its write-back to Odoo.
    const dan = await recordView("dan.dunn@buyers.io");
    expect(dan.history.webhooks).toMatchObject([{ listId: SOUTH, source: "reconcile" }]);
    expect(dan.history.writebacks).toMatchObject([{ audienceId: SOUTH, status: "done" }]);

    const after = await t.readBack();
    expect(summary(await t.gaps(after.id))).toEqual([
      `mailchimp_only ${NORTH} stranger@elsewhere.io`,
      // Blacklisted now, so no longer eligible: the next full run takes its managed tags off.
      `not_eligible ${SOUTH} dan.dunn@buyers.io`,
    ]);
    expect((await t.gaps(after.id, "not_eligible"))[0]?.detail).toMatchObject({ blacklistedInOdoo: true, memberStatus: "unsubscribed" });
    expect(passId).not.toBe(after.id);
  });
});
