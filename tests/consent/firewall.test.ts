import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMemberWrite, type IntendedMemberWrite, type KnownMemberStatus } from "@/lib/consent/firewall";

const base: IntendedMemberWrite = { kind: "put_upsert", body: {}, memberExists: "unknown", knownStatus: null, allowedNewStatus: "pending" };
const check = (w: Partial<IntendedMemberWrite>) => checkMemberWrite({ ...base, ...w });
const codeOf = (w: Partial<IntendedMemberWrite>) => {
  const d = check(w);
  return d.allow ? "allow" : d.code;
};

describe("consent firewall: examples", () => {
  it("lets a new member in with the policy's status, and pending when the policy allows subscribed", () => {
    expect(codeOf({ kind: "batch_subscribe_new", updateExisting: false, memberExists: "unknown", body: { email_address: "a@b.io", status: "pending" } })).toBe("allow");
    expect(codeOf({ kind: "batch_subscribe_new", updateExisting: false, allowedNewStatus: "subscribed", body: { status: "pending" } })).toBe("allow");
    expect(codeOf({ kind: "put_upsert", body: { status_if_new: "pending", merge_fields: { FNAME: "A" } } })).toBe("allow");
  });
  it("refuses subscribed for new members when the policy says pending or transactional", () => {
    expect(codeOf({ kind: "batch_subscribe_new", updateExisting: false, body: { status: "subscribed" } })).toBe("status_not_allowed_by_policy");
    expect(codeOf({ body: { status_if_new: "subscribed" } })).toBe("status_not_allowed_by_policy");
    expect(codeOf({ allowedNewStatus: "transactional", body: { status_if_new: "pending" } })).toBe("status_not_allowed_by_policy");
  });
  it("refuses status on anything that exists or may exist, and on every PATCH", () => {
    expect(codeOf({ memberExists: true, knownStatus: "subscribed", body: { status: "pending", status_if_new: "pending" } })).toBe("status_for_existing_member");
    expect(codeOf({ memberExists: "unknown", body: { status: "pending", status_if_new: "pending" } })).toBe("status_for_existing_member");
    expect(codeOf({ kind: "patch", memberExists: false, body: { status: "unsubscribed" } })).toBe("status_for_existing_member");
    expect(codeOf({ kind: "batch_subscribe_new", updateExisting: false, memberExists: true, body: { status: "pending" } })).toBe("status_for_existing_member");
  });
  it("refuses a batch subscribe that could update existing members", () => {
    expect(codeOf({ kind: "batch_subscribe_new", updateExisting: true, body: { status: "pending" } })).toBe("update_existing_batch");
    expect(codeOf({ kind: "batch_subscribe_new", body: { status: "pending" } })).toBe("update_existing_batch");
  });
  it.each(["unsubscribed", "cleaned", "archived", "forgotten"] as const)("lets only data through for a %s member", (knownStatus) => {
    const w = { memberExists: knownStatus !== "forgotten", knownStatus } as const;
    expect(codeOf({ ...w, kind: "patch", body: { merge_fields: { LTV: 10 } } })).toBe("allow");
    expect(codeOf({ ...w, kind: "tags", body: { tags: [{ name: "odoo:vip", status: "active" }] } })).toBe("allow");
    expect(codeOf({ ...w, kind: "put_upsert", body: { email_address: "a@b.io", status_if_new: "unsubscribed", merge_fields: {} } })).toBe("allow");
    expect(codeOf({ ...w, kind: "put_upsert", body: { email_address: "a@b.io", status_if_new: "pending" } })).toBe("opted_out_member");
    expect(codeOf({ ...w, kind: "patch", body: { interests: { x: true } } })).toBe("opted_out_member");
  });
  it("keeps tag writes to tags and never enables marketing permissions", () => {
    expect(codeOf({ kind: "tags", body: { tags: [], status: "subscribed" } })).toBe("tags_write_with_other_fields");
    expect(codeOf({ body: { status_if_new: "pending", marketing_permissions: [{ marketing_permission_id: "1", enabled: true }] } })).toBe("marketing_permission_widened");
  });
});

const statuses: Array<KnownMemberStatus | null> = [null, "subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived", "forgotten"];
const writeStatus = fc.constantFrom("subscribed", "unsubscribed", "cleaned", "pending", "transactional", "bogus");
const bodyArb = fc.record(
  {
    email_address: fc.constant("a@b.io"),
    status: writeStatus,
    status_if_new: writeStatus,
    merge_fields: fc.dictionary(fc.constantFrom("FNAME", "LTV"), fc.string()),
    tags: fc.array(fc.record({ name: fc.string(), status: fc.constantFrom("active", "inactive") }), { maxLength: 2 }),
    interests: fc.constant({ x: true }),
    vip: fc.boolean(),
  },
  { requiredKeys: [] },
);
const writeArb: fc.Arbitrary<IntendedMemberWrite> = fc.record({
  kind: fc.constantFrom("batch_subscribe_new", "put_upsert", "patch", "tags"),
  body: bodyArb,
  memberExists: fc.constantFrom(true, false, "unknown" as const),
  knownStatus: fc.constantFrom(...statuses),
  allowedNewStatus: fc.constantFrom("subscribed", "pending", "transactional"),
  updateExisting: fc.option(fc.boolean(), { nil: undefined }),
});

const ACTIVE = new Set(["subscribed", "pending"]);
const OPTED_OUT = new Set(["unsubscribed", "cleaned", "archived", "forgotten"]);

describe("consent firewall: properties", () => {
  it("an allowed write never carries status for a member that exists or may exist (except a non-updating batch for an unknown member)", () => {
    fc.assert(
      fc.property(writeArb, (w) => {
        if (!checkMemberWrite(w).allow || !("status" in w.body)) return;
        expect(w.kind).toBe("batch_subscribe_new");
        expect(w.updateExisting).toBe(false);
        expect(w.memberExists).not.toBe(true);
        expect(w.knownStatus).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
  it("an allowed write never moves a known opted-out member towards subscribed or pending", () => {
    fc.assert(
      fc.property(writeArb, (w) => {
        if (!checkMemberWrite(w).allow || w.knownStatus === null || !OPTED_OUT.has(w.knownStatus)) return;
        expect(ACTIVE.has(String(w.body.status))).toBe(false);
        expect(ACTIVE.has(String(w.body.status_if_new))).toBe(false);
        expect(Object.keys(w.body).every((k) => ["email_address", "merge_fields", "vip", "tags", "status_if_new"].includes(k))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it("an allowed write never asks for subscribed/pending beyond the policy", () => {
    fc.assert(
      fc.property(writeArb, (w) => {
        if (!checkMemberWrite(w).allow) return;
        for (const s of [w.body.status, w.body.status_if_new]) {
          if (s === "subscribed") expect(w.allowedNewStatus).toBe("subscribed");
          if (s === "pending") expect(w.allowedNewStatus).not.toBe("transactional");
        }
      }),
      { numRuns: 2000 },
    );
  });
  it("a tags write is allowed exactly when it carries nothing but tags", () => {
    fc.assert(
      fc.property(writeArb, (w) => {
        if (w.kind !== "tags") return;
        const onlyTags = Object.keys(w.body).every((k) => k === "tags");
        expect(checkMemberWrite(w).allow).toBe(onlyTags);
      }),
    );
  });
  it("is pure: the same write gives the same decision and the body is not touched", () => {
    fc.assert(
      fc.property(writeArb, (w) => {
        const copy = structuredClone(w.body);
        expect(checkMemberWrite(w)).toEqual(checkMemberWrite(w));
        expect(w.body).toEqual(copy);
      }),
    );
  });
});
