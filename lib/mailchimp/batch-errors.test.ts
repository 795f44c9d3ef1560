import { describe, expect, it } from "vitest";
import { classifyMemberError, classifyOperationResult } from "./batch-errors";

describe("batch subscribe member errors", () => {
  it.each([
    [{ email_address: "a@b.co", error: "a@b.co is already a list member, do you want to update? please provide update_existing:true in the request body", error_code: "ERROR_CONTACT_EXISTS" }, "member_exists"],
    [{ email_address: "u@b.co", error: "u@b.co is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed.", error_code: "ERROR_GENERIC" }, "compliance"],
    [{ email_address: "f@b.co", error: "f@b.co was permanently deleted and cannot be re-imported. The contact must re-subscribe to get back on the list.", error_code: "ERROR_GENERIC" }, "forgotten"],
    [{ email_address: "test@test.com", error: "test@test.com looks fake or invalid, please enter a real email address.", error_code: "ERROR_GENERIC" }, "invalid_email"],
    [{ email_address: "m@b.co", error: "Your merge fields were invalid.", error_code: "ERROR_GENERIC", field: "LTV", field_message: "Please enter a number" }, "invalid_merge_field"],
    [{ email_address: "x@b.co", error: "Something else", error_code: "ERROR_GENERIC" }, "bad_request"],
  ])("%#", (raw, kind) => {
    const e = classifyMemberError(raw);
    expect(e.kind).toBe(kind);
    expect(e.email).toBe(raw.email_address);
  });

  it("keeps the field details", () => {
    expect(classifyMemberError({ email_address: "m@b.co", error: "bad", error_code: "ERROR_GENERIC", field: "LTV", field_message: "Please enter a number" }))
      .toMatchObject({ field: "LTV", fieldMessage: "Please enter a number", code: "ERROR_GENERIC" });
  });
});

describe("batch operation results", () => {
  it("parses successful responses", () => {
    const r = classifyOperationResult({ status_code: 200, operation_id: "op-1", response: JSON.stringify({ id: "abc" }) });
    expect(r).toEqual({ operationId: "op-1", status: 200, ok: true, body: { id: "abc" } });
    expect(classifyOperationResult({ status_code: 204, operation_id: "op-2", response: "" }).body).toBeUndefined();
  });

  it("classifies failures with the single-call kinds", () => {
    const body = JSON.stringify({ title: "Member In Compliance State", status: 400, detail: "x is in a compliance state", instance: "i-1" });
    const r = classifyOperationResult({ status_code: 400, operation_id: "op-3", response: body });
    expect(r.ok).toBe(false);
    expect(r.error?.kind).toBe("compliance");
    expect(r.error?.instance).toBe("i-1");
    expect(classifyOperationResult({ status_code: 403, operation_id: null, response: "" }).error?.kind).toBe("throttle");
    expect(classifyOperationResult({ status_code: 503, operation_id: null, response: "{}" }).error?.kind).toBe("transient");
  });
});
