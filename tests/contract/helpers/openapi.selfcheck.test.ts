import { describe, expect, it } from "vitest";
import { loadMailchimpSpec } from "./openapi";

describe("OpenAPI request-body checker", () => {
  const spec = loadMailchimpSpec();
  it("accepts a valid body and rejects a wrong one", () => {
    expect(spec.check("PUT", "/lists/abc/members/0123", { email_address: "a@b.co", status_if_new: "subscribed" }).errors).toEqual([]);
    expect(spec.check("PUT", "/lists/abc/members/0123", { email_address: "a@b.co", status_if_new: "maybe" }).errors).not.toEqual([]);
    expect(spec.check("PUT", "/lists/abc/members/0123", { email_address: "a@b.co" }).errors.join()).toMatch(/status_if_new/);
    expect(spec.templateFor("/lists/abc")).toBe("/lists/{list_id}");
  });
});
