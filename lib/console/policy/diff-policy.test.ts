import { describe, expect, it } from "vitest";
import { parsePolicy } from "@/lib/sync/policy/parse-policy";
import { diffPolicies } from "./diff-policy";

const rule = (name: string, audienceId: string, companyIds?: number[]) => ({ name, audienceId, ...(companyIds ? { companyIds } : {}) });

describe("diffPolicies", () => {
  it("finds nothing between a policy and itself with its defaults spelled out", () => {
    const saved = parsePolicy({ routing: { rules: [rule("A", "a")] } });
    expect(diffPolicies(saved, parsePolicy(JSON.parse(JSON.stringify(saved))))).toEqual([]);
  });

  it("names each changed switch and value by its path", () => {
    const before = parsePolicy({});
    const after = parsePolicy({ commerce: { enabled: true }, consent: { newMemberStatus: "pending" } });
    expect(diffPolicies(before, after)).toEqual([
      { path: "consent.newMemberStatus", kind: "changed", before: "transactional", after: "pending" },
      { path: "commerce.enabled", kind: "changed", before: false, after: true },
    ]);
  });

  it("compares routing rules item by item and company lists whole; an added optional field is 'added'", () => {
    const before = parsePolicy({ routing: { rules: [rule("A", "a", [1]), rule("B", "b")] } });
    const after = parsePolicy({ routing: { rules: [rule("A", "a", [1, 2]), { ...rule("B", "b"), customerType: "b2c" }, rule("C", "c")] } });
    expect(diffPolicies(before, after)).toEqual([
      { path: "routing.rules.0.companyIds", kind: "changed", before: [1], after: [1, 2] },
      { path: "routing.rules.1.customerType", kind: "added", after: "b2c" },
      { path: "routing.rules.2", kind: "added", after: rule("C", "c") },
    ]);
    expect(diffPolicies(after, before).map((c) => [c.path, c.kind])).toEqual([
      ["routing.rules.0.companyIds", "changed"],
      ["routing.rules.1.customerType", "removed"],
      ["routing.rules.2", "removed"],
    ]);
  });
});
