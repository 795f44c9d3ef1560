import { describe, expect, it } from "vitest";
import { classifyMailchimpError, classifyHttpFailure } from "./classify";
import { MailchimpError } from "./errors";

/** Superagent-shaped rejections, as the official client produces them. */
const http = (status: number, body: unknown) => Object.assign(new Error(`HTTP ${status}`), { status, response: { status, body } });
const problem = (status: number, title: string, detail: string, extra: object = {}) =>
  http(status, { type: "https://mailchimp.com/developer/marketing/docs/errors/", title, status, detail, instance: "4f7c-11ee", ...extra });

describe("classifyMailchimpError", () => {
  it.each([
    [problem(400, "Member In Compliance State", "a@b.co is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed."), "compliance"],
    [problem(400, "Forgotten Email Not Subscribed", "a@b.co was permanently deleted and cannot be re-imported."), "forgotten"],
    [problem(400, "Invalid Resource", "test@example.com looks fake or invalid, please enter a real email address."), "invalid_email"],
    [problem(400, "Invalid Resource", "Your merge fields were invalid.", { errors: [{ field: "LTV", message: "Please enter a number" }] }), "invalid_merge_field"],
    [problem(400, "Member Exists", "a@b.co is already a list member. Use PUT to insert or update list members."), "member_exists"],
    [problem(400, "Invalid Resource", "A product with the provided ID does not exist in the account for this list."), "missing_product"],
    [problem(404, "Resource Not Found", "The requested resource could not be found."), "not_found"],
    [problem(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter."), "auth"],
    [problem(403, "Wrong Datacenter", "The API key provided is linked to a different datacenter"), "auth"],
    [problem(403, "User Disabled", "This account has been disabled."), "auth"],
    [problem(429, "Too Many Requests", "You have exceeded the limit of 10 simultaneous connections."), "throttle"],
    [http(403, {}), "throttle"],
    [http(403, "<html>Forbidden</html>"), "throttle"],
    [problem(500, "Internal Server Error", "An unexpected internal error has occurred."), "transient"],
    [problem(503, "Compliance Related", "This account is under compliance review."), "transient"],
    [problem(400, "Bad Request", "Schema describes object, array found instead"), "bad_request"],
    [problem(405, "Method Not Allowed", "The requested method and resource are not compatible."), "bad_request"],
  ] as const)("%#: %s -> %s", (err, kind) => {
    expect(classifyMailchimpError(err).kind).toBe(kind);
  });

  it("keeps status, title, detail, errors and instance", () => {
    const e = classifyMailchimpError(
      problem(400, "Invalid Resource", "Your merge fields were invalid.", { errors: [{ field: "LTV", message: "Please enter a number" }] }),
    );
    expect(e).toMatchObject({ status: 400, title: "Invalid Resource", detail: "Your merge fields were invalid.", instance: "4f7c-11ee" });
    expect(e.errors).toEqual([{ field: "LTV", message: "Please enter a number" }]);
    expect(e.retryable).toBe(false);
  });

  it("classifies network failures and timeouts as transient", () => {
    expect(classifyMailchimpError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })).kind).toBe("transient");
    expect(classifyMailchimpError(Object.assign(new Error("Timeout of 50ms exceeded"), { code: "ECONNABORTED", timeout: 50 })).kind).toBe("transient");
    expect(classifyMailchimpError(new DOMException("aborted", "TimeoutError")).kind).toBe("transient");
    expect(classifyMailchimpError(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })).kind).toBe("transient");
  });

  it("calls programming errors unexpected, and returns MailchimpError as is", () => {
    expect(classifyMailchimpError(new TypeError("x is undefined")).kind).toBe("unexpected");
    const e = new MailchimpError({ kind: "auth" });
    expect(classifyMailchimpError(e)).toBe(e);
  });

  it("parses JSON text bodies", () => {
    expect(classifyHttpFailure(400, JSON.stringify({ title: "Member Exists", status: 400 })).kind).toBe("member_exists");
  });
});
