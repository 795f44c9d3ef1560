import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMemberWrite, type KnownMemberStatus } from "@/lib/consent";
import type { PlannedRecord } from "@/lib/sync/types";
import { memberOperations } from "./operations";

const statuses: (KnownMemberStatus | null)[] = [null, "subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived", "forgotten"];

const plannedRecord = fc.record({
  email: fc.emailAddress(),
  partnerIds: fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 3 }),
  payload: fc.option(
    fc.record({
      merge_fields: fc.dictionary(fc.constantFrom("FNAME", "LNAME", "ORDERS"), fc.oneof(fc.string(), fc.integer())),
      tags: fc.array(fc.constantFrom("odoo:b2b", "odoo:vip", "odoo:b2c")),
    }),
    { nil: null },
  ),
  hash: fc.constant("h"),
  tagsToAdd: fc.array(fc.constantFrom("odoo:b2b", "odoo:vip")),
  tagsToRemove: fc.array(fc.constantFrom("odoo:b2c", "odoo:old")),
  statusIfNew: fc.constantFrom("subscribed", "pending", "transactional"),
  audienceId: fc.constant("list1"),
}) as fc.Arbitrary<PlannedRecord>;

describe("memberOperations through the consent firewall", () => {
  it("never sends status, and never anything that could make an opted-out member reachable", () => {
    fc.assert(
      fc.property(plannedRecord, fc.constantFrom(...statuses), (record, known) => {
        const { ops, refusal } = memberOperations(record, 0, known);
        expect(refusal).toBeUndefined();
        for (const op of ops) {
          const body = op.body as Record<string, unknown>;
          expect(body).not.toHaveProperty("status");
          if (known && ["unsubscribed", "cleaned", "archived", "forgotten"].includes(known) && op.method === "PUT") {
            expect(body.status_if_new).toBe("unsubscribed");
          }
          const kind = op.method === "PUT" ? "put_upsert" : "tags";
          expect(checkMemberWrite({ kind, body, memberExists: true, knownStatus: known, allowedNewStatus: record.statusIfNew }).allow).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
