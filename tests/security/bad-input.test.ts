import { describe, expect, it } from "vitest";
import { badInputStatus, containsNul } from "@/lib/api/bad-input-status";
import { errorResponse } from "@/lib/api/errors";
import { refuseActionBody, refuseActionRequest, refusePath } from "@/lib/http/refuse-bad-request";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase();
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("expected the database to refuse"); }, (e: unknown) => e);

describe("database errors caused by the caller become 400/404, not 500 (issue 15)", () => {
  it("maps what real Postgres says about NUL bytes, out-of-range ids and missing records", async () => {
    const nul = await failure(prisma.user.create({ data: { email: "a\u0000b@x.io", name: "x", role: "ops" } }));
    const range = await failure(prisma.syncException.findUnique({ where: { id: 99999999999999999999n } }));
    const missing = await failure(prisma.user.update({ where: { id: "00000000-0000-0000-0000-000000000000" }, data: { active: false } }));
    expect([badInputStatus(nul), badInputStatus(range), badInputStatus(missing)]).toEqual([400, 400, 404]);
    expect(errorResponse(nul).status).toBe(400);
    expect(errorResponse(missing).status).toBe(404);
  });
  it("answers 404 when the input names a record that is not there for something to hang on (a comment on an unknown exception)", async () => {
    const user = await prisma.user.create({ data: { email: "c@x.io", name: "c", role: "ops" } });
    const orphan = await failure(prisma.exceptionComment.create({ data: { exceptionId: 123456789n, authorId: user.id, body: "x" } }));
    expect(badInputStatus(orphan)).toBe(404);
    expect(errorResponse(orphan).status).toBe(404);
  });
  it("leaves other failures alone: they are ours, and stay a 500", () => {
    expect(badInputStatus(new Error("connection refused"))).toBeUndefined();
    expect(badInputStatus({ code: "P1001" })).toBeUndefined();
    expect(errorResponse(new Error("boom")).status).toBe(500);
  });
  it("finds NUL characters anywhere in an action's input", () => {
    expect(containsNul({ a: [{ b: "x\u0000" }] })).toBe(true);
    expect(containsNul({ "k\u0000": 1 })).toBe(true);
    expect(containsNul({ a: ["fine"], n: 1, z: null })).toBe(false);
  });
});

describe("requests Next would answer with 500 are refused before it decodes them", () => {
  it("refuses paths that are not UTF-8 percent-encoding", () => {
    expect(refusePath("/api/webhooks/mailchimp/%FF")?.status).toBe(400);
    expect(refusePath("/runs/%E0%A4%A")?.status).toBe(400);
    expect(refusePath("/runs/%E2%9C%93")).toBeUndefined();
  });
  it("answers server-action calls without a session 401, oversize 413, non-text bodies 400", () => {
    expect(refuseActionRequest({ signedIn: false, contentType: "text/plain", contentLength: 10 })?.status).toBe(401);
    expect(refuseActionRequest({ signedIn: true, contentType: "text/plain", contentLength: 2 * 1024 * 1024 })?.status).toBe(413);
    expect(refuseActionRequest({ signedIn: true, contentType: "multipart/form-data", contentLength: 10 })?.status).toBe(400);
    expect(refuseActionRequest({ signedIn: true, contentType: "text/plain", contentLength: undefined })).toBeUndefined();
  });
  it("lets through what React sends for plain objects and refuses what a plain object cannot produce", () => {
    for (const ok of ['[{}]', '[{"id":"12","body":"$$5 off"}]', '[{"x":"$undefined"}]', "[]"]) expect(refuseActionBody(ok), ok).toBeUndefined();
    // "str", null and {} are JSON but not an arguments list: Next's spread of them threw (found by the e2e fuzz).
    for (const bad of ['"str"', "null", "{}", "42", "$B1", "{bad json", '["$K1"]', '[{"a":"$@0"}]', '["$Q2"]', '[{"a":"x\\u0000"}]', "x".repeat(1024 * 1024 + 1)]) {
      expect(refuseActionBody(bad)?.status, bad.slice(0, 20)).toBe(400);
    }
  });
});
