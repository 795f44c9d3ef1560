import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { md5, startTestApi, type TestApi } from "./test-support/api.js";
import { loadSpecValidator, type SpecValidator } from "./test-support/spec-schemas.js";

// Member, list and batch-subscribe responses validated against the OpenAPI document, plus the error cases
// mailchimp-api.md lists. The spec's member schema is taken from Batch_update_List_members.new_members.items:
// the operations on one member reference List_Members_2, a collection (a codegen name clash).

let api: TestApi;
let spec: SpecValidator;
let listId: string;
let memberSchema: Record<string, unknown>;

beforeAll(async () => {
  api = await startTestApi();
  spec = loadSpecValidator();
  memberSchema = (spec.schema("Batch_update_List_members").properties as any).new_members.items;
  listId = await api.newList();
  await api.call("POST", `/lists/${listId}/merge-fields`, { name: "Lifetime value", type: "number", tag: "LTV" });
});
afterAll(() => api.emu.close());

describe("lists and merge fields", () => {
  it("validates list responses and refuses a list without its required fields", async () => {
    expect(spec.validate("Subscriber_List", (await api.call("GET", `/lists/${listId}`)).body)).toEqual([]);
    expect(spec.validate("Subscriber_Lists", (await api.call("GET", "/lists")).body)).toEqual([]);
    const res = await api.call("POST", "/lists", { name: "no contact" });
    expect(res.status).toBe(400);
    expect(res.body.title).toBe("Invalid Resource");
    expect(res.body.errors.length).toBeGreaterThan(0);
  });
  it("creates the default merge fields and refuses a duplicate tag", async () => {
    const fields = (await api.call("GET", `/lists/${listId}/merge-fields?count=100`)).body;
    expect(spec.validate("Collection_of_Merge_Fields", fields)).toEqual([]);
    expect(fields.merge_fields.map((f: any) => f.tag)).toEqual(expect.arrayContaining(["FNAME", "LNAME", "ADDRESS", "PHONE", "BIRTHDAY"]));
    const dup = await api.call("POST", `/lists/${listId}/merge-fields`, { name: "Again", type: "text", tag: "LTV" });
    expect(dup.status).toBe(400);
  });
});

describe("member writes", () => {
  it("upserts with PUT and returns a member matching the spec", async () => {
    const res = await api.call("PUT", `/lists/${listId}/members/${md5("Ann@Acme.io")}`, { email_address: "Ann@Acme.io", status_if_new: "subscribed", merge_fields: { FNAME: "Ann", LTV: 12 } });
    expect(res.status).toBe(200);
    expect(spec.validate(memberSchema, res.body)).toEqual([]);
    expect(res.body).toMatchObject({ id: md5("ann@acme.io"), status: "subscribed", merge_fields: { FNAME: "Ann", LNAME: "", LTV: 12 } });
    const byEmail = await api.call("GET", `/lists/${listId}/members/ann@acme.io`);
    expect(byEmail.body.id).toBe(res.body.id);
  });
  it("requires status_if_new for a new member on PUT", async () => {
    const res = await api.call("PUT", `/lists/${listId}/members/${md5("new@acme.io")}`, { email_address: "new@acme.io" });
    expect(res.status).toBe(400);
  });
  it("answers Member Exists to a POST of a present member", async () => {
    const res = await api.call("POST", `/lists/${listId}/members`, { email_address: "ann@acme.io", status: "subscribed" });
    expect(res.body).toMatchObject({ status: 400, title: "Member Exists" });
    expect(spec.validate("Problem_Detail_Document", res.body)).toEqual([]);
  });
  it("refuses fake-looking emails", async () => {
    for (const email of ["test@test.com", "someone@example.com", "a@b", "not-an-email"]) {
      const res = await api.call("POST", `/lists/${listId}/members`, { email_address: email, status: "subscribed" });
      expect(res.body).toMatchObject({ title: "Invalid Resource", detail: `${email} looks fake or invalid, please enter a real email address.` });
    }
  });
  it("refuses bad merge values with errors[]", async () => {
    const res = await api.call("POST", `/lists/${listId}/members`, { email_address: "bob@acme.io", status: "subscribed", merge_fields: { LTV: "lots", NOPE: "x" } });
    expect(res.body.detail).toBe("Your merge fields were invalid.");
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field: "LTV", message: "Please enter a number" }, expect.objectContaining({ field: "NOPE" })]));
  });
  it("forgets a permanently deleted email", async () => {
    await api.call("POST", `/lists/${listId}/members`, { email_address: "forget.me@acme.io", status: "subscribed" });
    expect((await api.call("POST", `/lists/${listId}/members/${md5("forget.me@acme.io")}/actions/delete-permanent`)).status).toBe(204);
    for (const status of ["subscribed", "pending"]) {
      const res = await api.call("PUT", `/lists/${listId}/members/${md5("forget.me@acme.io")}`, { email_address: "forget.me@acme.io", status_if_new: status });
      expect(res.body.title).toBe("Forgotten Email Not Subscribed");
    }
  });
  it("archives on DELETE: hidden from the default listing, shown with status=archived", async () => {
    await api.call("POST", `/lists/${listId}/members`, { email_address: "archive.me@acme.io", status: "subscribed" });
    await api.call("DELETE", `/lists/${listId}/members/${md5("archive.me@acme.io")}`);
    const all = (await api.call("GET", `/lists/${listId}/members?count=1000`)).body;
    expect(all.members.map((m: any) => m.email_address)).not.toContain("archive.me@acme.io");
    const archived = (await api.call("GET", `/lists/${listId}/members?status=archived`)).body;
    expect(archived.members.map((m: any) => m.status)).toEqual(["archived"]);
  });
});

describe("batch subscribe", () => {
  it("reports new, updated and ERROR_CONTACT_EXISTS members in a spec-shaped 200", async () => {
    const res = await api.call("POST", `/lists/${listId}`, { members: [
      { email_address: "ann@acme.io", status: "subscribed" },
      { email_address: "carl@acme.io", status: "subscribed" },
      { email_address: "dora@acme.io", status: "transactional", merge_fields: { LTV: "x" } },
    ], update_existing: false });
    expect(res.status).toBe(200);
    expect(spec.validate("Batch_update_List_members", res.body)).toEqual([]);
    expect(res.body).toMatchObject({ total_created: 1, total_updated: 0, error_count: 2 });
    expect(res.body.errors.map((e: any) => e.error_code).sort()).toEqual(["ERROR_CONTACT_EXISTS", "ERROR_GENERIC"]);
    expect(res.body.errors.find((e: any) => e.error_code === "ERROR_GENERIC")).toMatchObject({ field: "LTV", field_message: "Please enter a number" });
  });
  it("refuses more than 500 members", async () => {
    const members = Array.from({ length: 501 }, (_, i) => ({ email_address: `p${i}@acme.io`, status: "subscribed" }));
    expect((await api.call("POST", `/lists/${listId}`, { members })).status).toBe(400);
  });
});

describe("reading members", () => {
  it("pages, filters by last_changed, selects fields and validates the collection", async () => {
    const page = await api.call("GET", `/lists/${listId}/members?count=2&offset=0&sort_field=last_changed&sort_dir=DESC`);
    expect(page.body.members).toHaveLength(2);
    expect(spec.validate("List_Members_2", { ...page.body, members: [] })).toEqual([]);
    for (const m of page.body.members) expect(spec.validate(memberSchema, m)).toEqual([]);
    const future = await api.call("GET", `/lists/${listId}/members?since_last_changed=${encodeURIComponent("2999-01-01T00:00:00+00:00")}`);
    expect(future.body.total_items).toBe(0);
    const slim = await api.call("GET", `/lists/${listId}/members?fields=members.email_address,total_items&count=1`);
    expect(Object.keys(slim.body).sort()).toEqual(["members", "total_items"]);
    expect(Object.keys(slim.body.members[0])).toEqual(["email_address"]);
    expect((await api.call("GET", `/lists/${listId}/members?count=1001`)).status).toBe(400);
  });
  it("adds tags with a 204 and lists them on the member", async () => {
    const res = await api.call("POST", `/lists/${listId}/members/${md5("ann@acme.io")}/tags`, { tags: [{ name: "VIP", status: "active" }] });
    expect(res.status).toBe(204);
    const tags = (await api.call("GET", `/lists/${listId}/members/${md5("ann@acme.io")}/tags`)).body;
    expect(spec.validate("Collection_of_Tags", tags)).toEqual([]);
    expect((await api.call("GET", `/lists/${listId}/members/${md5("ann@acme.io")}`)).body.tags).toEqual([{ id: expect.any(Number), name: "VIP" }]);
    expect((await api.call("POST", `/lists/${listId}/members/${md5("nobody@acme.io")}/tags`, { tags: [] })).status).toBe(404);
  });
  it("manages static segments", async () => {
    const seg = await api.call("POST", `/lists/${listId}/segments`, { name: "Buyers", static_segment: ["ann@acme.io"] });
    expect(spec.validate("List_7", seg.body)).toEqual([]);
    expect(seg.body).toMatchObject({ type: "static", member_count: 1 });
    const upd = await api.call("POST", `/lists/${listId}/segments/${seg.body.id}`, { members_to_add: ["carl@acme.io"], members_to_remove: ["ann@acme.io"] });
    expect(spec.validate("Batch_add_remove_List_members_to_from_static_segment", upd.body)).toEqual([]);
    expect(upd.body).toMatchObject({ total_added: 1, total_removed: 1 });
  });
});
